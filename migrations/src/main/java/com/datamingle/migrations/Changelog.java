package com.datamingle.migrations;

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

/**
 * Reads and writes the CHANGELOG table directly, for what MyBatis Migrations does not do: checksums
 * and stamps.
 */
final class Changelog {
  static final String TABLE = ScriptLoader.CHANGELOG_TABLE;

  /** One row: id, when, description, and the recorded checksum (null when not recorded). */
  record Row(BigDecimal id, String appliedAt, String description, String checksum) {}

  private Changelog() {}

  static boolean exists(Connection connection) {
    return new ChangelogOperation(connection, DatabaseMigrator.options()).tableExists();
  }

  static List<Row> read(Connection connection) throws SQLException {
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

  static void recordChecksum(Connection connection, BigDecimal id, String checksum)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE " + TABLE + " SET CHECKSUM = ? WHERE ID = ?")) {
      ps.setString(1, checksum);
      ps.setBigDecimal(2, id);
      ps.executeUpdate();
    }
  }

  static void insert(Connection connection, BigDecimal id, String description, String checksum)
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

  static void delete(Connection connection, BigDecimal id) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM " + TABLE + " WHERE ID = ?")) {
      ps.setBigDecimal(1, id);
      ps.executeUpdate();
    }
  }
}
