package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.migrations.transfer.Finding;
import com.datamingle.migrations.transfer.ImportReport;
import java.util.Locale;
import java.util.Map;

/** An {@link ImportReport} as {@code db import --json} prints it (written by {@link Output}). */
final class ImportJson {
  private ImportJson() {}

  static Map<String, Object> of(ImportReport report) {
    Map<String, Object> o = Output.object();
    o.put("source", report.source());
    o.put("source_kind", report.sourceKind());
    o.put("target", report.target());
    o.put("dry_run", report.dryRun());
    o.put("refused", report.refused());
    o.put("rows", report.rows());
    o.put("millis", report.millis());
    o.put("rows_per_second", report.rowsPerSecond());
    o.put("timestamp_precision", "millisecond");
    o.put("tables", report.tables().stream().map(t -> table(t, report.dryRun())).toList());
    o.put("findings", report.findings().stream().map(ImportJson::finding).toList());
    o.put("findings_not_listed", report.findingsLeftOut());
    return o;
  }

  private static Map<String, Object> table(ImportReport.Table t, boolean dryRun) {
    Map<String, Object> o = Output.object();
    o.put("name", t.name());
    o.put("source_table", t.sourceTable());
    o.put("source_rows", t.sourceRows());
    o.put("target_rows", dryRun ? null : t.targetRows());
    o.put("source_checksum", t.sourceChecksum());
    o.put("target_checksum", t.targetChecksum());
    o.put("verified", t.verified());
    return o;
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> o = Output.object();
    o.put("table", f.table());
    o.put("row", f.row());
    o.put("column", f.column());
    o.put("problem", f.problem());
    o.put("action", f.action().name().toLowerCase(Locale.ROOT));
    return o;
  }
}
