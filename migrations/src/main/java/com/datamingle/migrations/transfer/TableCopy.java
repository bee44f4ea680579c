package com.datamingle.migrations.transfer;

import com.datamingle.migrations.database.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Copies the tables of a plan from the source snapshot into the target connection's transaction (or
 * only reads them, in a dry run or once a row was refused), then reads every table back and
 * compares its row count and content checksum with what was written.
 */
final class TableCopy {
  private static final int PROGRESS_EVERY = 10_000;

  private final Snapshot source;
  private final Connection target;
  private final Dialect targetDialect;
  private final RowRules rowRules;
  private final Findings findings;
  private final ImportListener listener;

  /** What the converters need besides the plan. */
  record RowRules(
      ValueRules rules,
      ImportOptions options,
      EmailLookup emails,
      java.util.function.Supplier<java.util.UUID> ids) {}

  TableCopy(
      Snapshot source,
      Connection target,
      Dialect targetDialect,
      RowRules rowRules,
      Findings findings,
      ImportListener listener) {
    this.source = source;
    this.target = target;
    this.targetDialect = targetDialect;
    this.rowRules = rowRules;
    this.findings = findings;
    this.listener = listener;
  }

  /** A table as written: rows and checksum of the values sent to the target. */
  record Written(TablePlan plan, long rows, String checksum, long millis) {}

  Written copy(TablePlan plan) throws SQLException {
    long start = System.nanoTime();
    if (plan.source() == null) {
      listener.tableStarted(plan.name(), 0);
      return new Written(plan, 0, new ContentChecksum().hex(), 0);
    }
    RowConverter converter =
        new RowConverter(
            plan,
            source.dialect(),
            rowRules.rules(),
            rowRules.options(),
            rowRules.emails(),
            rowRules.ids(),
            findings);
    long rows = count(source.connection, plan.source().name());
    listener.tableStarted(plan.name(), rows);
    ColumnType[] types = converter.types();
    ContentChecksum checksum = new ContentChecksum();
    BulkIndexes indexes =
        writing() && rows >= BulkIndexes.WORTH_IT
            ? BulkIndexes.dropFor(target, targetDialect, plan.name())
            : null;
    WriterThread sink =
        writing()
            ? new WriterThread(
                () -> RowSink.open(target, targetDialect, plan, types), plan.name(), checksum)
            : null;
    long read = 0;
    try (Statement s = source.connection.createStatement()) {
      s.setFetchSize(PROGRESS_EVERY);
      try (ResultSet rs = s.executeQuery(converter.select())) {
        while (rs.next()) {
          read++;
          Object[] values = converter.convert(rs);
          if (values == null) {
            sink = abort(sink);
            continue;
          }
          if (sink != null) {
            sink.write(values); // the writer's thread adds them to the checksum
          } else {
            checksum.add(values);
          }
          if (read % PROGRESS_EVERY == 0) {
            listener.rowsRead(plan.name(), read);
          }
        }
      }
      if (sink != null) {
        sink.finish();
        sink = null;
        if (indexes != null) {
          indexes.recreate(target);
        }
      }
    } finally {
      abort(sink);
    }
    converter.finish();
    // a refused row is counted as read; the import then stops before any verification
    return new Written(plan, read, checksum.hex(), (System.nanoTime() - start) / 1_000_000);
  }

  private boolean writing() {
    return target != null && !findings.refused();
  }

  private static WriterThread abort(WriterThread sink) {
    if (sink != null) {
      sink.abort();
    }
    return null;
  }

  /** Reads the written columns back from the target, the same way, and sums them up. */
  ImportReport.Table verify(Written written) throws SQLException {
    long start = System.nanoTime();
    TablePlan plan = written.plan();
    ContentChecksum checksum = new ContentChecksum();
    List<Layout.Column> columns = plan.written();
    int[] widths = BinaryCopy.widths(columns);
    // pgjdbc's copyOut stumbles over a COPY of no rows ("CommandComplete without an active copy
    // operation"): a table that should be empty is read the plain way
    if (written.rows() > 0 && targetDialect == Dialect.POSTGRESQL && widths != null) {
      BinaryCopyOut.read(target, plan.name(), columns, widths, checksum);
    } else if (!columns.isEmpty()) {
      ColumnType[] types = columns.stream().map(Layout.Column::type).toArray(ColumnType[]::new);
      String select =
          "SELECT "
              + String.join(
                  ", ",
                  columns.stream()
                      .map(c -> c.type().select(Layout.quote(c.name()), targetDialect))
                      .toList())
              + " FROM "
              + Layout.quote(plan.name());
      try (Statement s = target.createStatement()) {
        s.setFetchSize(PROGRESS_EVERY);
        try (ResultSet rs = s.executeQuery(select)) {
          Object[] values = new Object[types.length];
          while (rs.next()) {
            for (int i = 0; i < types.length; i++) {
              values[i] = types[i].read(rs, i + 1, targetDialect);
            }
            checksum.add(values);
          }
        }
      }
    }
    long rows = columns.isEmpty() ? count(target, plan.name()) : checksum.rows();
    return new ImportReport.Table(
        plan.name(),
        plan.source() == null ? null : plan.source().name(),
        written.rows(),
        rows,
        written.checksum(),
        checksum.hex(),
        written.millis() + (System.nanoTime() - start) / 1_000_000);
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Layout.quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The dry run's entry for a table: the source side only. */
  static ImportReport.Table unverified(Written written) {
    TablePlan plan = written.plan();
    return new ImportReport.Table(
        plan.name(),
        plan.source() == null ? null : plan.source().name(),
        written.rows(),
        0,
        written.checksum(),
        null,
        written.millis());
  }
}
