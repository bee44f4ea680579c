package com.datamingle.migrations.changelog;

import com.datamingle.migrations.database.MigrationTarget;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.migration.operations.ChangelogOperation;
import org.apache.ibatis.migration.operations.DatabaseOperation;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * Reads and writes the CHANGELOG table directly, for what MyBatis Migrations does not do: checksums
 * and stamps.
 */
public final class Changelog {
  public static final String TABLE = "CHANGELOG";

  /** One row: id, when, description, and the recorded checksum (null when not recorded). */
  public record Row(BigDecimal id, String appliedAt, String description, String checksum) {}

  private Changelog() {}

  public static boolean exists(Connection connection) {
    return new ChangelogOperation(connection, operationOptions()).tableExists();
  }

  /** How MyBatis Migrations runs our scripts and keeps this table. */
  public static DatabaseOperationOption operationOptions() {
    DatabaseOperationOption option = new DatabaseOperationOption();
    option.setChangelogTable(TABLE);
    option.setSendFullScript(false); // SQLite runs only the first statement of a full script
    option.setThrowWarning(false); // a PostgreSQL NOTICE is not a failure
    option.setAutoCommit(false); // one transaction per script
    option.setStopOnError(true);
    option.setRemoveCRs(true);
    return option;
  }

  /** The rows of {@code target}'s changelog, oldest first; none when it has no changelog. */
  public static List<Row> read(MigrationTarget target) {
    try (Connection connection = target.openForReading()) {
      return read(connection);
    } catch (SQLException e) {
      throw target.unreachable(e);
    }
  }

  public static List<Row> read(Connection connection) throws SQLException {
    if (!exists(connection)) {
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT ID, APPLIED_AT, DESCRIPTION, CHECKSUM FROM " + TABLE + " ORDER BY ID")) {
      while (rs.next()) {
        rows.add(new Row(rs.getBigDecimal(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return rows;
  }

  public static void recordChecksum(Connection connection, BigDecimal id, String checksum)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE " + TABLE + " SET CHECKSUM = ? WHERE ID = ?")) {
      ps.setString(1, checksum);
      ps.setBigDecimal(2, id);
      ps.executeUpdate();
    }
  }

  public static void insert(
      Connection connection, BigDecimal id, String description, String checksum)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " (ID, APPLIED_AT, DESCRIPTION, CHECKSUM) VALUES (?, ?, ?, ?)")) {
      ps.setBigDecimal(1, id);
      ps.setString(2, DatabaseOperation.generateAppliedTimeStampAsString());
      ps.setString(3, description);
      ps.setString(4, checksum);
      ps.executeUpdate();
    }
  }

  public static void delete(Connection connection, BigDecimal id) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM " + TABLE + " WHERE ID = ?")) {
      ps.setBigDecimal(1, id);
      ps.executeUpdate();
    }
  }
}
