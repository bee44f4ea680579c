package com.datamingle.migrations.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension for tests that need several databases: each {@link #create()} is a new schema of
 * its own, and all of them are dropped after the test. {@code @RegisterExtension final
 * PostgresSchemas schemas = new PostgresSchemas();}
 */
public final class PostgresSchemas implements AfterEachCallback {
  private final List<PostgresTestDatabase> made = new ArrayList<>();

  public PostgresTestDatabase create() {
    PostgresTestDatabase db = PostgresTestDatabase.createIsolated();
    made.add(db);
    return db;
  }

  /** The schema made here whose {@code postgresql://} or JDBC URL is {@code url}. */
  public PostgresTestDatabase byUrl(String url) {
    return made.stream()
        .filter(d -> d.postgresUrl().equals(url) || d.jdbcUrl().equals(url))
        .findFirst()
        .orElseThrow();
  }

  /** How many tables the schema holds (0: nothing was created in it). */
  public static long tables(PostgresTestDatabase db) throws java.sql.SQLException {
    try (java.sql.Connection c = db.connect();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema ="
                    + " current_schema()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    made.forEach(PostgresTestDatabase::close);
    made.clear();
  }
}
