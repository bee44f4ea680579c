package com.datamingle.migrations.autogen;

import com.datamingle.migrations.autogen.SchemaDiff.Operation;
import com.datamingle.migrations.schema.Catalog.ColumnState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one column changes on PostgreSQL: its type, nullability and default, each its own statement;
 * NOT NULL the online way ({@link PostgresOnline#setNotNull}).
 */
final class ColumnChange {
  private ColumnChange() {}

  /** PostgreSQL: type, nullability and default, each its own statement. */
  static List<Operation> statements(
      DeclaredSchema.Table declared, ColumnState want, ColumnState now) {
    String t = declared.name();
    String c = want.name();
    List<Operation> ops = new ArrayList<>();
    if (!want.type().equals(now.type())) {
      ops.add(
          AlterStatements.step(
              "change type of " + t + "." + c + " from " + now.type() + " to " + want.type(),
              narrows(now.type(), want.type()),
              null,
              alterColumn(t, c, "TYPE " + want.type() + using(c, now.type(), want.type())),
              alterColumn(t, c, "TYPE " + now.type() + using(c, want.type(), now.type()))));
    }
    if (want.notNull() && !now.notNull()) {
      ops.add(PostgresOnline.setNotNull(t, c, want.defaultValue() != null));
    } else if (want.notNull() != now.notNull()) {
      ops.add(
          AlterStatements.step(
              (want.notNull() ? "set not null on " : "drop not null on ") + t + "." + c,
              false,
              null,
              alterColumn(t, c, (want.notNull() ? "SET" : "DROP") + " NOT NULL"),
              alterColumn(t, c, (now.notNull() ? "SET" : "DROP") + " NOT NULL")));
    }
    if (!Objects.equals(want.defaultValue(), now.defaultValue())) {
      ops.add(
          AlterStatements.step(
              "change default of " + t + "." + c,
              false,
              null,
              alterColumn(t, c, defaultClause(want.defaultValue())),
              alterColumn(t, c, defaultClause(now.defaultValue()))));
    }
    return ops;
  }

  /** A widening needs no conversion (and so no USING, which the lint flags as a rewrite). */
  private static String using(String column, String from, String to) {
    return narrows(from, to) ? " USING " + column + "::" + to : "";
  }

  private static String alterColumn(String table, String column, String change) {
    return AlterStatements.alter(table, "ALTER COLUMN " + column + " " + change);
  }

  private static String defaultClause(String value) {
    return value == null ? "DROP DEFAULT" : "SET DEFAULT " + value;
  }

  /** A type change that may not keep every value: anything but widening. */
  static boolean narrows(String from, String to) {
    String f = from.toUpperCase(Locale.ROOT);
    String t = to.toUpperCase(Locale.ROOT);
    if (t.equals("TEXT")) {
      return false;
    }
    var varchar =
        java.util.regex.Pattern.compile("CHARACTER VARYING\\((\\d+)\\)|VARCHAR\\((\\d+)\\)");
    var mf = varchar.matcher(f);
    var mt = varchar.matcher(t);
    if (mf.matches() && mt.matches()) {
      int a = Integer.parseInt(mf.group(1) != null ? mf.group(1) : mf.group(2));
      int b = Integer.parseInt(mt.group(1) != null ? mt.group(1) : mt.group(2));
      return b < a;
    }
    return !(f.equals("INTEGER") && t.equals("BIGINT"));
  }
}
