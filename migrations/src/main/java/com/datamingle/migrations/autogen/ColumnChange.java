package com.datamingle.migrations.autogen;

import com.datamingle.migrations.autogen.SchemaDiff.Operation;
import com.datamingle.migrations.schema.Catalog.ColumnState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one column changes on PostgreSQL: its type, nullability and default, each its own statement.
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
          new Operation(
              "change type of " + t + "." + c + " from " + now.type() + " to " + want.type(),
              narrows(now.type(), want.type()),
              null,
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + " TYPE "
                      + want.type()
                      + " USING "
                      + c
                      + "::"
                      + want.type()
                      + ";"),
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + " TYPE "
                      + now.type()
                      + " USING "
                      + c
                      + "::"
                      + now.type()
                      + ";")));
    }
    if (want.notNull() != now.notNull()) {
      ops.add(
          new Operation(
              (want.notNull() ? "set not null on " : "drop not null on ") + t + "." + c,
              false,
              null,
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + (want.notNull() ? " SET" : " DROP")
                      + " NOT NULL;"),
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + (now.notNull() ? " SET" : " DROP")
                      + " NOT NULL;")));
    }
    if (!Objects.equals(want.defaultValue(), now.defaultValue())) {
      ops.add(
          new Operation(
              "change default of " + t + "." + c,
              false,
              null,
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + (want.defaultValue() == null
                          ? " DROP DEFAULT;"
                          : " SET DEFAULT " + want.defaultValue() + ";")),
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + (now.defaultValue() == null
                          ? " DROP DEFAULT;"
                          : " SET DEFAULT " + now.defaultValue() + ";"))));
    }
    return ops;
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
