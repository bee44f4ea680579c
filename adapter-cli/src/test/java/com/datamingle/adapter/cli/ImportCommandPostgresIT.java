package com.datamingle.adapter.cli;

import com.datamingle.migrations.testing.FlaskPrototype;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** {@code db import} through the command line, PostgreSQL schema to PostgreSQL schema. */
class ImportCommandPostgresIT extends ImportCommandContract {
  final List<PostgresTestDatabase> schemas = new ArrayList<>();

  @AfterEach
  void dropSchemas() {
    schemas.forEach(PostgresTestDatabase::close);
  }

  PostgresTestDatabase schema() {
    PostgresTestDatabase db = PostgresTestDatabase.createIsolated();
    schemas.add(db);
    return db;
  }

  @Override
  String targetUrl() {
    return schema().postgresUrl();
  }

  @Override
  String prototypeUrl() throws Exception {
    PostgresTestDatabase db = schema();
    FlaskPrototype.loadInto(db);
    return db.postgresUrl();
  }

  @Override
  boolean untouched(String targetUrl) throws Exception {
    PostgresTestDatabase db =
        schemas.stream().filter(s -> s.postgresUrl().equals(targetUrl)).findFirst().orElseThrow();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema ="
                    + " current_schema()")) {
      rs.next();
      return rs.getLong(1) == 0;
    }
  }
}
