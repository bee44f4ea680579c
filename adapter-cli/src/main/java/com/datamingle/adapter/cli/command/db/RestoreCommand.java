package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.KnownFailure;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.YesOption;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationStatus;
import com.datamingle.migrations.backup.DatabaseRestore;
import com.datamingle.migrations.schema.DatabaseOrigin;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code datamingle db restore FILE}: a backup swapped in, whole or not at all. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the database's contents with a backup made by `db backup`. Checks the file first"
          + " (SQLite: a sound",
      "SQLite database with DataMingle's changelog; PostgreSQL: a dump pg_restore reads to the"
          + " end, with the changelog),",
      "backs up the current database, then swaps in one step that happens whole or not at all."
          + " Asks first (or --yes)."
    })
final class RestoreCommand extends Subcommand {

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Mixin YesOption yes;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    DatabaseMigrator migrator = context.migrator();
    PrintWriter out = context.out();
    PrintWriter notes = json.requested() ? context.err() : out;
    Path automatic = null;
    try (DatabaseRestore.Verified backup = new DatabaseRestore(migrator.target()).verify(file)) {
      notes.println(describe(backup, migrator.status()));
      yes.confirm(
          "This replaces everything in "
              + migrator.target().describe()
              + " with "
              + file
              + " (the current contents are backed up first).");
      if (migrator.origin().kind() != DatabaseOrigin.Kind.EMPTY) {
        automatic = new Backups(context, notes).automatic("restore");
      }
      new DatabaseRestore(migrator.target()).apply(backup);
    }
    MigrationStatus after = migrator.status();
    if (json.requested()) {
      out.println(
          Output.json(
              Output.object(
                  "restored",
                  file.toAbsolutePath().toString(),
                  "backup",
                  automatic == null ? null : automatic.toAbsolutePath().toString(),
                  "current",
                  after.current().map(MigrationText::json).orElse(null),
                  "at_head",
                  after.atHead())));
      return ExitCode.OK;
    }
    out.println("Restored " + file + ". Database is at " + MigrationText.describe(after));
    return ExitCode.OK;
  }

  /**
   * Where the backup stands against this build's scripts; refuses one a newer build made (it holds
   * migrations this build does not have).
   */
  private String describe(DatabaseRestore.Verified backup, MigrationStatus scripts) {
    Map<String, MigrationEntry> known = new HashMap<>();
    scripts.entries().stream()
        .filter(e -> e.state() != MigrationEntry.State.MISSING_SCRIPT)
        .forEach(e -> known.put(new BigDecimal(e.id()).toPlainString(), e));
    List<String> unknown = backup.applied().stream().filter(id -> !known.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      throw new KnownFailure(
          file
              + " holds migration(s) "
              + unknown
              + " that this build does not have: it was made by a newer datamingle; restore it"
              + " with that build (or its --migrations folder). The database is unchanged");
    }
    String head = scripts.head().map(MigrationEntry::id).orElse(null);
    String version = backup.version().orElse(null);
    String label = version == null ? "no migration applied" : known.get(version).label();
    return file
        + " is a DataMingle backup at "
        + label
        + (Objects.equals(version, head)
            ? " (this build's head)."
            : "; this build's head is "
                + (head == null ? "none" : known.get(head).label())
                + ": after the restore, run `datamingle db upgrade` to bring it to head.");
  }
}
