package com.datamingle.migrations.autogen;

import com.datamingle.migrations.autogen.SchemaDiff.Operation;
import com.datamingle.migrations.database.Dialect;
import java.util.List;
import java.util.function.Function;

/**
 * The text of the scripts {@code db migrate} writes. The first runs in the migration's transaction;
 * when a PostgreSQL step must not ({@link Operation#later()}), a second script follows, marked on
 * its first line {@value #NO_TRANSACTION} so that each of its statements runs in a transaction of
 * its own; on SQLite that second script is empty (its first does the whole change).
 */
final class MigrationText {
  static final String NO_TRANSACTION = "-- datamingle:no-transaction";
  static final String SECOND = "outside a transaction";

  private MigrationText() {}

  /** The script run in a transaction; data-losing and review warnings are added to {@code out}. */
  static String inTransaction(
      String message, Dialect d, List<Operation> ops, String note, List<String> warnings) {
    List<Operation> here =
        ops.stream().filter(o -> !o.up().isEmpty() || !o.undo().isEmpty()).toList();
    StringBuilder text = header(message, note);
    if (here.isEmpty()) {
      return nothing(text, "the next script makes the change");
    }
    for (Operation op : here) {
      text.append("\n-- ").append(op.description()).append('\n');
      if (op.dataLoss()) {
        text.append(
            "-- DATA LOSS: this step can destroy data; back up first (db upgrade --backup)\n");
        warnings.add(d.id() + ": " + op.description() + " can lose data");
      }
      if (op.warning() != null && !text.toString().contains(op.warning())) {
        text.append("-- ").append(op.warning()).append('\n');
        warnings.add(d.id() + ": " + op.warning());
      }
      op.up().forEach(s -> text.append(s).append('\n'));
    }
    return undo(text, here, Operation::undo);
  }

  /** The script that follows, outside a transaction (PostgreSQL), or an empty one (SQLite). */
  static String outsideTransaction(String message, Dialect d, List<Operation> ops) {
    List<Operation> here = ops.stream().filter(Operation::outsideTransaction).toList();
    if (d != Dialect.POSTGRESQL || here.isEmpty()) {
      return nothing(
          header(message + " (" + SECOND + ")", null),
          "the previous script makes the whole change");
    }
    StringBuilder text =
        new StringBuilder(NO_TRANSACTION)
            .append('\n')
            .append(header(message + " (" + SECOND + ")", null))
            .append(
                "-- Runs outside a transaction, each statement in its own, under the migration"
                    + " lock;\n-- every statement can run again if the script stops half-way.\n");
    for (Operation op : here) {
      text.append("\n-- ").append(op.description()).append('\n');
      op.later().forEach(s -> text.append(s).append('\n'));
    }
    return undo(text, here, Operation::laterUndo);
  }

  /**
   * A script with nothing to do (the pair keeps the same file names in both folders): a statement
   * that changes nothing each way, since a migration without undo cannot be downgraded.
   */
  private static String nothing(StringBuilder text, String why) {
    return text.append("\n-- Nothing to do here on this database: ")
        .append(why)
        .append(".\nSELECT 1;\n\n-- //@UNDO\n\nSELECT 1;\n")
        .toString();
  }

  private static StringBuilder header(String message, String note) {
    StringBuilder text =
        new StringBuilder("-- // ")
            .append(message.strip().replace("\n", " "))
            .append('\n')
            .append(
                "-- Written by `datamingle db migrate` from the declared schema. Review it before"
                    + " applying.\n");
    if (note != null) {
      text.append("-- ").append(note).append('\n');
    }
    return text;
  }

  private static String undo(
      StringBuilder text, List<Operation> ops, Function<Operation, List<String>> undo) {
    text.append("\n-- //@UNDO\n");
    for (int i = ops.size() - 1; i >= 0; i--) {
      if (undo.apply(ops.get(i)).isEmpty()) {
        continue;
      }
      text.append("\n-- undo: ").append(ops.get(i).description()).append('\n');
      undo.apply(ops.get(i)).forEach(s -> text.append(s).append('\n'));
    }
    return text.toString();
  }
}
