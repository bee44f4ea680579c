package com.datamingle.migrations.autogen;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lint.ScriptStatement;
import com.datamingle.migrations.lint.StatementSplitter;
import com.datamingle.migrations.scripts.ScriptLoader;
import com.datamingle.migrations.scripts.ScriptSource;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ibatis.migration.Change;

/**
 * Brings a scratch database to head. Scripts run through the migrator, except those marked {@code
 * -- datamingle:no-transaction}: their statements run one by one on an autocommit connection (what
 * {@code CREATE INDEX CONCURRENTLY} and a batched backfill need) and the script is then recorded as
 * applied. Only for scratch databases: no lock, no retry, no clean-up of a half-built index.
 */
final class ScratchReplay {
  private ScratchReplay() {}

  static void toHead(MigrationTarget scratch, ScriptSource scripts) {
    upTo(scratch, scripts, null);
  }

  /** Brings a scratch database up to {@code version} (null: head). */
  static void upTo(MigrationTarget scratch, ScriptSource scripts, String version) {
    DatabaseMigrator migrator = DatabaseMigrator.create(scratch, scripts);
    String previous = null;
    for (Change change : new ScriptLoader(scripts, scratch.dialect()).getMigrations()) {
      if (version != null && change.getId().compareTo(new BigDecimal(version)) > 0) {
        break;
      }
      String id = change.getId().toPlainString();
      Set<String> applied =
          migrator.status().entries().stream()
              .filter(MigrationEntry::applied)
              .map(MigrationEntry::id)
              .collect(Collectors.toSet());
      if (!applied.contains(id)
          && StatementSplitter.noTransaction(text(scripts, scratch, change.getFilename()))) {
        if (previous != null && !applied.contains(previous)) {
          migrator.upgrade(previous, null);
        }
        run(scratch, change.getFilename(), text(scripts, scratch, change.getFilename()));
        migrator.stamp(id);
      }
      previous = id;
    }
    migrator.upgrade(version, null);
  }

  /** Runs the up section's statements of {@code text}, each in its own transaction. */
  static void run(MigrationTarget target, String fileName, String text) {
    try (Connection c = Scratch.connect(target);
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (ScriptStatement statement : StatementSplitter.split(text)) {
        try {
          s.execute(statement.text());
        } catch (SQLException e) {
          throw new MigrationFailure(
              fileName
                  + " line "
                  + statement.line()
                  + " fails on a scratch "
                  + target.dialect().id()
                  + " database: "
                  + MigrationFailure.oneLine(e.getMessage()),
              e);
        }
      }
    } catch (SQLException e) {
      throw new MigrationFailure(
          "cannot connect to the scratch database: " + MigrationFailure.oneLine(e.getMessage()), e);
    }
  }

  private static String text(ScriptSource scripts, MigrationTarget target, String fileName) {
    try (InputStream in =
        scripts.open(target.dialect(), fileName).orElse(InputStream.nullInputStream())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationFailure("cannot read " + fileName + ": " + e.getMessage(), e);
    }
  }
}
