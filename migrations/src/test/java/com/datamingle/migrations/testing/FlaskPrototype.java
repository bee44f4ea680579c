package com.datamingle.migrations.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The database the Flask prototype leaves behind (Alembic revision c7948bcecaac, five users), on
 * each database: a SQLite file, and a pg_dump script loaded into a test's own schema. See {@code
 * flask-prototype/README.md} beside this class's resources.
 */
public final class FlaskPrototype {
  public static final String REVISION = "c7948bcecaac";
  private static final String ROOT = "/com/datamingle/migrations/testing/flask-prototype/";

  private FlaskPrototype() {}

  /** Writes the prototype's SQLite database to {@code file}. */
  public static void copySqliteTo(Path file) throws IOException {
    try (InputStream in = FlaskPrototype.class.getResourceAsStream(ROOT + "prototype.sqlite")) {
      Files.copy(in, file);
    }
  }

  /**
   * Loads the prototype's PostgreSQL dump into the test's schema (the dump names {@code public}; it
   * is redirected).
   */
  public static void loadInto(PostgresTestDatabase database) throws IOException, SQLException {
    String script;
    try (InputStream in =
        FlaskPrototype.class.getResourceAsStream(ROOT + "prototype-postgresql.sql")) {
      script =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("public.", "\"" + database.schema() + "\".");
    }
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      StringBuilder statement = new StringBuilder();
      List<String> lines = script.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (statement.isEmpty()
            && (line.isBlank() || line.startsWith("--") || line.startsWith("\\"))) {
          continue;
        }
        statement.append(line).append('\n');
        if (!line.endsWith(";")) {
          continue;
        }
        String sql = statement.toString().strip();
        statement.setLength(0);
        if (sql.startsWith("COPY ") && sql.endsWith("FROM stdin;")) {
          StringBuilder data = new StringBuilder();
          for (i++; !lines.get(i).equals("\\."); i++) {
            data.append(lines.get(i)).append('\n');
          }
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(sql.substring(0, sql.length() - 1), new StringReader(data.toString()));
        } else if (!sql.startsWith("SELECT pg_catalog.set_config('search_path'")) {
          s.execute(sql);
        }
      }
    }
  }
}
