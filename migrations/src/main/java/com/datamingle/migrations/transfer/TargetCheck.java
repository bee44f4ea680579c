package com.datamingle.migrations.transfer;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.schema.DatabaseOrigin;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The target must be another database, DataMingle's or empty, and hold no row in any table the
 * import fills: checked read-only before anything is written, and again inside the import's
 * transaction with the tables locked against writers.
 */
final class TargetCheck {
  private TargetCheck() {}

  static void beforeWriting(MigrationTarget into, String sourceIdentity) throws SQLException {
    if (into.sqliteFile().isPresent() && !Files.exists(into.sqliteFile().get())) {
      return; // a new file: the upgrade creates it
    }
    try (Snapshot at = Snapshot.open(into, "target", DatabaseImport.TARGET_HINT)) {
      if (at.identity().equals(sourceIdentity)) {
        throw DatabaseImport.sameDatabase();
      }
      DatabaseOrigin origin = DatabaseOrigin.inspect(at.connection, into.dialect());
      if (origin.foreign()) {
        throw new MigrationFailure(
            "refusing to import into "
                + into.describe()
                + ": it is a database "
                + origin.describe()
                + "; nothing was written. Point DATABASE_URL (or --database-url) at a new, empty"
                + " database");
      }
      List<String> names = new ArrayList<>();
      for (Layout.Table table : Layout.read(at.connection, into.dialect()).tables().values()) {
        names.add(table.name());
      }
      requireEmpty(at.connection, into, names);
    }
  }

  /** Inside the import's transaction: keeps writers out of the tables, then checks again. */
  static void lockAndRequireEmpty(Connection c, MigrationTarget into, List<TablePlan> plans)
      throws SQLException {
    List<String> names = plans.stream().map(TablePlan::name).toList();
    try (Statement s = c.createStatement()) {
      if (into.dialect() == Dialect.POSTGRESQL) {
        s.execute(
            "LOCK TABLE "
                + String.join(", ", names.stream().map(Layout::quote).toList())
                + " IN EXCLUSIVE MODE");
      }
    }
    requireEmpty(c, into, names);
  }

  private static void requireEmpty(Connection c, MigrationTarget into, List<String> tables)
      throws SQLException {
    List<String> holding = new ArrayList<>();
    for (String table : tables) {
      if (TablePlan.BOOKKEEPING.contains(table.toLowerCase(Locale.ROOT))) {
        continue;
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Layout.quote(table))) {
        rs.next();
        long rows = rs.getLong(1);
        if (rows > 0) {
          holding.add(table + ": " + rows + " row(s)");
        }
      }
    }
    if (!holding.isEmpty()) {
      throw new MigrationFailure(
          "refusing to import into "
              + into.describe()
              + ": it already holds data ("
              + String.join(", ", holding)
              + "); db import fills only an empty database, so that nothing is overwritten or"
              + " merged by accident; nothing was written. Point DATABASE_URL (or --database-url)"
              + " at a new database, or empty this one first (`datamingle reset-db`)");
    }
  }
}
