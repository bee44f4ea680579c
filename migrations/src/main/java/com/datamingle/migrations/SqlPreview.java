package com.datamingle.migrations;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.scripts.ScriptLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.operations.DatabaseOperation;

/**
 * The exact SQL an upgrade or downgrade would send, for review before applying: each script's
 * section with variables substituted, and the changelog statements MyBatis Migrations adds.
 */
final class SqlPreview {
  private SqlPreview() {}

  static String upgrade(ScriptLoader loader, List<MigrationEntry> pending) {
    StringBuilder out = new StringBuilder();
    String now = DatabaseOperation.generateAppliedTimeStampAsString();
    for (MigrationEntry e : pending) {
      out.append("-- ==== apply ").append(e.fileName()).append(" ====\n");
      out.append(section(loader, e, false));
      out.append("INSERT INTO ")
          .append(Changelog.TABLE)
          .append(" (ID, APPLIED_AT, DESCRIPTION) VALUES (")
          .append(e.id())
          .append(", '")
          .append(now)
          .append("', '")
          .append(e.description().replace("'", "''"))
          .append("');\n");
      out.append("UPDATE ")
          .append(Changelog.TABLE)
          .append(" SET CHECKSUM = '")
          .append(e.scriptChecksum())
          .append("' WHERE ID = ")
          .append(e.id())
          .append(";\n\n");
    }
    return out.length() == 0 ? "-- nothing to apply: the database is at head\n" : out.toString();
  }

  static String downgrade(
      ScriptLoader loader, List<MigrationEntry> undo, String changelogMigrationId) {
    StringBuilder out = new StringBuilder();
    for (int i = undo.size() - 1; i >= 0; i--) {
      MigrationEntry e = undo.get(i);
      out.append("-- ==== undo ").append(e.fileName()).append(" ====\n");
      out.append(section(loader, e, true));
      if (!e.id().equals(changelogMigrationId)) {
        out.append("DELETE FROM ")
            .append(Changelog.TABLE)
            .append(" WHERE ID = ")
            .append(e.id())
            .append(";\n");
      }
      out.append('\n');
    }
    return out.length() == 0 ? "-- nothing to undo\n" : out.toString();
  }

  /** One section (up or undo) of a script, its variables substituted. */
  static String section(ScriptLoader loader, MigrationEntry e, boolean undo) {
    Change change = new Change(new BigDecimal(e.id()));
    change.setFilename(e.fileName());
    StringBuilder out = new StringBuilder();
    try (Reader reader = loader.getScriptReader(change, undo);
        BufferedReader lines = new BufferedReader(reader)) {
      String line;
      while ((line = lines.readLine()) != null) {
        out.append(line).append('\n');
      }
    } catch (IOException ex) {
      throw new MigrationFailure("cannot read " + e.fileName() + ": " + ex.getMessage(), ex);
    }
    return out.toString().strip() + "\n";
  }
}
