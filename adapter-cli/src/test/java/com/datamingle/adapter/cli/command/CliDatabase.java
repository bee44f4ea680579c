package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: the database a command-line test runs against, fresh for each test: a SQLite
 * file in a folder of its own, or a PostgreSQL schema of its own (whose backups go to a folder of
 * their own rather than the working directory). {@code @RegisterExtension final CliDatabase
 * database = new CliDatabase(kind);}, in a class parameterised by {@link Kind}.
 */
public final class CliDatabase implements BeforeEachCallback, AfterEachCallback {
  /** The two databases DataMingle runs on. */
  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  private final Kind kind;
  private Path folder;
  private PostgresTestDatabase postgres;

  public CliDatabase(Kind kind) {
    this.kind = kind;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    folder = Files.createTempDirectory("datamingle-cli-test");
    if (kind == Kind.POSTGRESQL) {
      postgres = PostgresTestDatabase.createIsolated();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The script folder name of this database: {@code sqlite} or {@code postgresql}. */
  public String dialect() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** DATABASE_URL, and for PostgreSQL DATAMINGLE_BACKUP_DIR. */
  public Map<String, String> env() {
    return kind == Kind.SQLITE
        ? Map.of("DATABASE_URL", sqliteUrl())
        : Map.of(
            "DATABASE_URL", postgres.postgresUrl(), "DATAMINGLE_BACKUP_DIR", folder.toString());
  }

  /** The SQLite file (a SQLite test only). */
  public Path sqliteFile() {
    return folder.resolve("db.sqlite");
  }

  /** Where backups go when no file is named: beside the SQLite file, or DATAMINGLE_BACKUP_DIR. */
  public Path backupFolder() {
    return folder;
  }

  /** The PostgreSQL schema (a PostgreSQL test only). */
  public PostgresTestDatabase postgres() {
    return postgres;
  }

  public Connection connect() throws SQLException {
    return kind == Kind.SQLITE ? DriverManager.getConnection(sqliteUrl()) : postgres.connect();
  }

  public boolean tableExists(String table) throws SQLException {
    try (Connection c = connect();
        ResultSet rs =
            c.getMetaData()
                .getTables(null, kind == Kind.SQLITE ? null : postgres.schema(), table, null)) {
      return rs.next();
    }
  }

  private String sqliteUrl() {
    return "jdbc:sqlite:" + sqliteFile();
  }
}
