package com.datamingle.migrations.transfer;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.autogen.Scratch;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code db import}: copies every table DataMingle owns from a source database (DataMingle's, at
 * any version up to this build's head, or the Flask prototype's) into an empty target brought to
 * head first, under the migration lock. The source is read in one read-only snapshot and never
 * written; the target is written in one transaction that is committed only once every table's row
 * count and content checksum, read back from the target, agree with what was read from the source.
 * A refusal or failure rolls it back: the target keeps no imported row (it stays at head if the
 * import brought it there).
 */
public final class DatabaseImport {
  static final String SOURCE_HINT =
      "check the URL given to --from and that the database is running";
  static final String TARGET_HINT =
      "check DATABASE_URL (or --database-url) and that the database is running";

  private final MigrationTarget source;
  private final DatabaseMigrator target;
  private final ScriptSource scripts;
  private final TableCopy.RowRules rowRules;

  public DatabaseImport(
      MigrationTarget source,
      DatabaseMigrator target,
      ScriptSource scripts,
      ValueRules rules,
      EmailLookup emails,
      Supplier<UUID> ids,
      ImportOptions options) {
    this.source = source;
    this.target = target;
    this.scripts = scripts;
    this.rowRules = new TableCopy.RowRules(rules, options, emails, ids);
  }

  public ImportReport run(ImportListener listener) {
    long start = System.nanoTime();
    MigrationTarget into = target.target();
    if (into.jdbcUrl().equals(source.jdbcUrl())) {
      throw sameDatabase();
    }
    listener.step("Reading the source " + source.describe() + " in one snapshot");
    try (Snapshot from = Snapshot.open(source, "source", SOURCE_HINT)) {
      String sourceIdentity = from.identity();
      SourceKind kind = SourceKind.of(from, scripts, into);
      TargetCheck.beforeWriting(into, sourceIdentity);
      Findings findings = new Findings();
      List<ImportReport.Table> tables;
      if (rowRules.options().dryRun()) {
        tables = dryRun(from, kind, findings, listener);
      } else {
        listener.confirm(
            "This imports every row of "
                + source.describe()
                + " ("
                + kind.describe()
                + ") into "
                + into.describe()
                + ", which is brought to head first.");
        listener.step("Bringing the target " + into.describe() + " to head");
        tables =
            target.upgradeThen(
                null, migrations(listener), report -> copy(from, kind, findings, listener));
      }
      return new ImportReport(
          source.describe(),
          kind.describe(),
          into.describe(),
          rowRules.options().dryRun(),
          tables,
          findings.kept(),
          findings.leftOut(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      throw new MigrationFailure(
          "the import failed and nothing was written: " + MigrationFailure.oneLine(e.getMessage()),
          e);
    }
  }

  static MigrationFailure sameDatabase() {
    return new MigrationFailure(
        "the source (--from) and the target (DATABASE_URL or --database-url) are the same database;"
            + " import into a new, empty database instead");
  }

  private static MigrationListener migrations(ImportListener listener) {
    return new MigrationListener() {
      @Override
      public void starting(MigrationEntry migration, boolean undo) {
        listener.step("Applying " + migration.label());
      }
    };
  }

  private List<ImportReport.Table> copy(
      Snapshot from, SourceKind kind, Findings findings, ImportListener listener) {
    MigrationTarget into = target.target();
    try (Connection connection = into.openTransaction("datamingle-import")) {
      try {
        List<TablePlan> plans =
            plans(from, kind, Layout.read(connection, into.dialect()), findings);
        TargetCheck.lockAndRequireEmpty(connection, into, plans);
        refuseIfNeeded(findings);
        TableCopy copy =
            new TableCopy(from, connection, into.dialect(), rowRules, findings, listener);
        List<TableCopy.Written> written = new ArrayList<>();
        for (TablePlan plan : plans) {
          written.add(copy.copy(plan));
        }
        refuseIfNeeded(findings);
        List<ImportReport.Table> tables = new ArrayList<>();
        for (TableCopy.Written w : written) {
          ImportReport.Table table = copy.verify(w);
          if (!table.verified()) {
            throw new MigrationFailure(
                "verification failed for table "
                    + table.name()
                    + ": the source gave "
                    + table.sourceRows()
                    + " row(s) with checksum "
                    + table.sourceChecksum()
                    + ", the target holds "
                    + table.targetRows()
                    + " with checksum "
                    + table.targetChecksum()
                    + "; the import was rolled back and nothing was written");
          }
          listener.tableFinished(table);
          tables.add(table);
        }
        connection.commit();
        return tables;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException notRolledBack) {
          e.addSuppressed(notRolledBack); // closing the connection below discards the work
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new MigrationFailure(
          "the import failed and was rolled back; the target holds no imported row: "
              + MigrationFailure.oneLine(e.getMessage()),
          e);
    }
  }

  private List<ImportReport.Table> dryRun(
      Snapshot from, SourceKind kind, Findings findings, ImportListener listener)
      throws SQLException {
    MigrationTarget into = target.target();
    Layout layout;
    if (target.status().atHead()) {
      try (Snapshot at = Snapshot.open(into, "target", TARGET_HINT)) {
        layout = Layout.read(at.connection, into.dialect());
      }
    } else {
      listener.step("Building the schema at head in a scratch database, to plan against it");
      try (Scratch scratch = Scratch.create(into.dialect(), into)) {
        DatabaseMigrator.create(scratch.target(), scripts).upgrade(null, MigrationListener.SILENT);
        try (Connection c = Scratch.connect(scratch.target())) {
          layout = Layout.read(c, into.dialect());
        }
      }
    }
    List<TablePlan> plans = plans(from, kind, layout, findings);
    TableCopy copy = new TableCopy(from, null, into.dialect(), rowRules, findings, listener);
    List<ImportReport.Table> tables = new ArrayList<>();
    for (TablePlan plan : plans) {
      ImportReport.Table table = TableCopy.unverified(copy.copy(plan));
      listener.tableFinished(table);
      tables.add(table);
    }
    return tables;
  }

  private List<TablePlan> plans(Snapshot from, SourceKind kind, Layout layout, Findings findings)
      throws SQLException {
    return TablePlan.plan(
        Layout.read(from.connection, from.dialect()),
        layout,
        kind.prototype(),
        rowRules.options(),
        findings);
  }

  /** Stops the import when a finding refuses it; the message lists them and the ways ahead. */
  private static void refuseIfNeeded(Findings findings) {
    if (!findings.refused()) {
      return;
    }
    List<Finding> refused =
        findings.kept().stream().filter(f -> f.action() == Finding.Action.REFUSED).toList();
    StringBuilder text =
        new StringBuilder("refusing to import: ")
            .append(findings.count(Finding.Action.REFUSED))
            .append(
                " thing(s) in the source cannot be imported as they are; no row was imported (the"
                    + " target keeps the schema its migrations made, and nothing else):");
    for (Finding f : refused) {
      text.append(System.lineSeparator()).append("  ").append(f.describe());
    }
    if (findings.leftOut() > 0) {
      text.append(System.lineSeparator())
          .append("  ... and more (")
          .append(findings.leftOut())
          .append(" findings not listed; `--dry-run --json` lists the first of each kind)");
    }
    text.append(System.lineSeparator()).append("  ").append(ImportOptions.WAYS_AHEAD);
    throw new ImportRefused(text.toString());
  }

  /** The import was refused before anything was written; the message says why and how to go on. */
  public static final class ImportRefused extends MigrationFailure {
    private static final long serialVersionUID = 1L;

    ImportRefused(String message) {
      super(message);
    }
  }
}
