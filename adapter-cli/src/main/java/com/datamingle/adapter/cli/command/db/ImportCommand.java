package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.ImportWiring;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.YesOption;
import com.datamingle.migrations.transfer.Finding;
import com.datamingle.migrations.transfer.ImportListener;
import com.datamingle.migrations.transfer.ImportOptions;
import com.datamingle.migrations.transfer.ImportReport;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code datamingle db import --from SOURCE_URL}: fills an empty database from another one. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Copy every DataMingle table from another database (DataMingle's on SQLite or PostgreSQL, at"
          + " any version up to head,",
      "or the Flask prototype's) into this one (DATABASE_URL / --database-url), which is brought to"
          + " head first and must hold",
      "no data. The source is only read, in one snapshot. The target is written in one"
          + " transaction, committed only when",
      "every table's row count and content checksum, read back, agree with the source. Times are"
          + " kept to the millisecond.",
      "Asks on a terminal (else --yes)."
    })
final class ImportCommand extends Subcommand {
  @Option(
      names = "--from",
      required = true,
      paramLabel = "SOURCE_URL",
      description = "The database to copy from; the same forms as DATABASE_URL.")
  String from;

  @Mixin YesOption yes;

  @Option(
      names = "--dry-run",
      description = "Read and check everything, report what would be done, write nothing.")
  boolean dryRun;

  @Mixin JsonOption json;

  @Option(
      names = "--skip-unknown",
      description =
          "Leave out source tables and columns DataMingle has no place for (named in the output)"
              + " instead of refusing.")
  boolean skipUnknown;

  @Option(
      names = "--on-bad-email",
      paramLabel = "refuse|workos|placeholder",
      description = {
        "A user without a usable email: refuse the import (default), ask WorkOS for it",
        "(WORKOS_API_KEY), or store <workos id>@missing-email.invalid, replaced at the next"
            + " sign-in."
      })
  ImportOptions.BadEmail badEmail = ImportOptions.BadEmail.REFUSE;

  @Option(
      names = "--on-bad-value",
      paramLabel = "refuse|default",
      description =
          "Another value DataMingle refuses (time zone, language, name, picture URL): refuse"
              + " (default) or store DataMingle's default (UTC, en, none).")
  ImportOptions.BadValue badValue = ImportOptions.BadValue.REFUSE;

  @Override
  public Integer call() {
    PrintWriter out = context.out();
    ImportOptions options = new ImportOptions(dryRun, skipUnknown, badEmail, badValue);
    ImportReport report =
        ImportWiring.databaseImport(context.settings(), from, options).run(listener(out));
    if (json.requested()) {
      out.println(Output.json(ImportJson.of(report)));
    } else {
      print(out, report);
    }
    return report.refused() ? ExitCode.FAILED : ExitCode.OK;
  }

  private ImportListener listener(PrintWriter out) {
    return new ImportProgress(
        json.requested() ? null : out, System.console() != null, yes::confirm);
  }

  private static void print(PrintWriter out, ImportReport report) {
    if (!report.findings().isEmpty()) {
      out.println("What was not copied as it was:");
      for (Finding f : report.findings()) {
        out.println("  " + f.describe());
      }
      if (report.findingsLeftOut() > 0) {
        out.println("  ... and " + report.findingsLeftOut() + " more of the same kinds");
      }
    }
    String speed =
        String.format(
            Locale.ROOT,
            "%,d row(s) in %.2f s (%,d rows/s)",
            report.rows(),
            report.millis() / 1000.0,
            report.rowsPerSecond());
    if (report.dryRun()) {
      out.println(
          report.refused()
              ? "Dry run: the import would be refused (see `-> refused` above); nothing was"
                  + " written. Read "
                  + speed
                  + "."
              : "Dry run: nothing was written. Would import "
                  + speed
                  + " from "
                  + report.sourceKind()
                  + ".");
      return;
    }
    out.println(
        "Imported "
            + speed
            + " from "
            + report.sourceKind()
            + " into "
            + report.target()
            + "; every table's row count and checksum agree. Times are kept to the millisecond.");
  }
}
