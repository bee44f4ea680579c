package com.datamingle.migrations.transfer;

/**
 * An {@link ImportReport} as one JSON object (the command's {@code --json}; Jackson belongs to the
 * web adapter, and this report is flat enough to write by hand).
 */
public final class ImportJson {
  private ImportJson() {}

  public static String of(ImportReport report) {
    StringBuilder b = new StringBuilder("{");
    field(b, "source", report.source()).append(',');
    field(b, "source_kind", report.sourceKind()).append(',');
    field(b, "target", report.target()).append(',');
    b.append("\"dry_run\":").append(report.dryRun()).append(',');
    b.append("\"refused\":").append(report.refused()).append(',');
    b.append("\"rows\":").append(report.rows()).append(',');
    b.append("\"millis\":").append(report.millis()).append(',');
    b.append("\"rows_per_second\":").append(report.rowsPerSecond()).append(',');
    b.append("\"timestamp_precision\":\"millisecond\",");
    b.append("\"tables\":[");
    for (int i = 0; i < report.tables().size(); i++) {
      ImportReport.Table t = report.tables().get(i);
      b.append(i == 0 ? "{" : ",{");
      field(b, "name", t.name()).append(',');
      field(b, "source_table", t.sourceTable()).append(',');
      b.append("\"source_rows\":").append(t.sourceRows()).append(',');
      b.append("\"target_rows\":").append(report.dryRun() ? "null" : t.targetRows()).append(',');
      field(b, "source_checksum", t.sourceChecksum()).append(',');
      field(b, "target_checksum", t.targetChecksum()).append(',');
      b.append("\"verified\":").append(t.verified()).append('}');
    }
    b.append("],\"findings\":[");
    for (int i = 0; i < report.findings().size(); i++) {
      Finding f = report.findings().get(i);
      b.append(i == 0 ? "{" : ",{");
      field(b, "table", f.table()).append(',');
      field(b, "row", f.row()).append(',');
      field(b, "column", f.column()).append(',');
      field(b, "problem", f.problem()).append(',');
      field(b, "action", f.action().name().toLowerCase(java.util.Locale.ROOT)).append('}');
    }
    b.append("],\"findings_not_listed\":").append(report.findingsLeftOut());
    return b.append('}').toString();
  }

  private static StringBuilder field(StringBuilder b, String name, String value) {
    b.append('"').append(name).append("\":");
    if (value == null) {
      return b.append("null");
    }
    b.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"');
  }
}
