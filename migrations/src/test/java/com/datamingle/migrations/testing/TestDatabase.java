package com.datamingle.migrations.testing;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: a database of its own for each test, a SQLite file in a temporary folder or an
 * isolated PostgreSQL schema ({@link PostgresTestDatabase}), removed after it; {@link #migrated()}
 * runs the packaged migrations to head before the test, the "migrate, then open" of every test that
 * needs the real schema.
 *
 * <pre>
 * &#64;RegisterExtension final TestDatabase db = TestDatabase.sqlite().migrated();
 * ... PersistenceModule.open(db.settings(0), clock) ...
 * </pre>
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {
  private final Dialect dialect;
  private final boolean migrated;
  private Path folder;
  private PostgresTestDatabase postgres;

  private TestDatabase(Dialect dialect, boolean migrated) {
    this.dialect = dialect;
    this.migrated = migrated;
  }

  public static TestDatabase sqlite() {
    return new TestDatabase(Dialect.SQLITE, false);
  }

  public static TestDatabase postgres() {
    return new TestDatabase(Dialect.POSTGRESQL, false);
  }

  /** The same database, migrated to head with the packaged scripts before each test. */
  public TestDatabase migrated() {
    return new TestDatabase(dialect, true);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (dialect == Dialect.SQLITE) {
      folder = Files.createTempDirectory("datamingle-test-");
    } else {
      postgres = PostgresTestDatabase.createIsolated();
    }
    if (migrated) {
      DatabaseMigrator.create(target(), ScriptSource.packaged()).upgrade(null, null);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
    if (folder != null) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(TestDatabase::delete);
      }
      folder = null;
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  public String jdbcUrl() {
    return dialect == Dialect.SQLITE
        ? "jdbc:sqlite:" + running(folder).resolve("db.sqlite")
        : running(postgres).jdbcUrl();
  }

  /** The database to migrate. */
  public MigrationTarget target() {
    return dialect == Dialect.SQLITE
        ? new MigrationTarget(jdbcUrl(), null, null)
        : new MigrationTarget(jdbcUrl(), postgres.user(), postgres.password());
  }

  /** The service's settings for it; {@code poolSize} 0 picks the dialect's default. */
  public DatabaseSettings settings(int poolSize) {
    MigrationTarget target = target();
    return new DatabaseSettings(
        dialect, target.jdbcUrl(), target.user(), target.password(), dialect.poolSize(poolSize));
  }

  /** A plain JDBC connection (no settings of the service or the migrations), for checking. */
  public Connection connect() throws SQLException {
    return dialect == Dialect.SQLITE
        ? DriverManager.getConnection(jdbcUrl())
        : running(postgres).connect();
  }

  /** The PostgreSQL schema of this test; null on SQLite. */
  public String schema() {
    return dialect == Dialect.SQLITE ? null : running(postgres).schema();
  }

  /** The PostgreSQL schema itself, for what only it has (its DATABASE_URL form, say). */
  public PostgresTestDatabase postgresDatabase() {
    return running(postgres);
  }

  private static <T> T running(T resource) {
    if (resource == null) {
      throw new IllegalStateException("the test database exists only while a test runs");
    }
    return resource;
  }
}
