package com.datamingle.migrations.autogen;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.schema.Catalog;
import com.datamingle.migrations.schema.Catalog.TableState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A throwaway database of one dialect: an in-memory SQLite database, or a temporary schema in a
 * PostgreSQL.
 */
public record Scratch(MigrationTarget target, Runnable cleanup) implements AutoCloseable {
  public static Scratch create(Dialect d, MigrationTarget server) {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (d == Dialect.SQLITE) {
      // in memory: no file, no fsync; shared-cache so every connection of the migrator sees the
      // same
      // database, which lives while the keeper connection is open
      String url = "jdbc:sqlite:file:dm_scratch_" + suffix + "?mode=memory&cache=shared";
      try {
        Connection keeper = DriverManager.getConnection(url);
        return new Scratch(
            new MigrationTarget(url, null, null),
            () -> {
              try {
                keeper.close();
              } catch (SQLException ignored) {
                // closing the last connection frees the memory either way
              }
            });
      } catch (SQLException e) {
        throw new MigrationFailure("cannot create a scratch SQLite database: " + e.getMessage(), e);
      }
    }
    if (server == null || server.dialect() != Dialect.POSTGRESQL) {
      throw new MigrationFailure(
          "no PostgreSQL server for a scratch schema: set DATAMINGLE_DEV_POSTGRES_URL");
    }
    String schema = "dm_scratch_" + suffix;
    run(server, "CREATE SCHEMA " + schema);
    String url =
        server.jdbcUrl().replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
    url = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new Scratch(
        new MigrationTarget(url, server.user(), server.password()),
        () -> run(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
  }

  void execute(List<String> statements) {
    try (Connection c = connect(target);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
      }
    } catch (SQLException e) {
      throw new MigrationFailure(
          "the declared schema does not load into "
              + target.dialect().id()
              + ": "
              + MigrationFailure.oneLine(e.getMessage()),
          e);
    }
  }

  Map<String, TableState> read() {
    try (Connection c = connect(target)) {
      return Catalog.read(c, target.dialect());
    } catch (SQLException e) {
      throw new MigrationFailure("cannot read a scratch schema: " + e.getMessage(), e);
    }
  }

  /** A plain connection to {@code t} with its credentials. */
  public static Connection connect(MigrationTarget t) throws SQLException {
    return DriverManager.getConnection(t.jdbcUrl(), t.withCredentials(new Properties()));
  }

  private static void run(MigrationTarget server, String sql) {
    try (Connection c = connect(server);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new MigrationFailure(
          "cannot prepare a scratch schema on "
              + server.describe()
              + ": "
              + MigrationFailure.oneLine(e.getMessage()),
          e);
    }
  }

  @Override
  public void close() {
    cleanup.run();
  }
}
