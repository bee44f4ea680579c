package com.datamingle.migrations.transfer;

/** Hears how an import advances; the command line draws its progress with it. */
public interface ImportListener {
  ImportListener SILENT = new ImportListener() {};

  /** A step before the copy (checking the source, bringing the target to head...). */
  default void step(String what) {}

  /**
   * Called once the source and the target have been checked, before anything is written (not in a
   * dry run); throwing stops the import with nothing written.
   */
  default void confirm(String what) {}

  /** A table starts; {@code rows} is how many the source holds. */
  default void tableStarted(String table, long rows) {}

  /** Rows of the table read so far (called every few thousand rows). */
  default void rowsRead(String table, long rows) {}

  /** A table is written and checked. */
  default void tableFinished(ImportReport.Table table) {}
}
