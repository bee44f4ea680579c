package com.datamingle.migrations.autogen;

import com.datamingle.migrations.database.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders declared tables, columns and indexes as the DDL of one dialect. */
final class Ddl {
  private Ddl() {}

  /** Tables ordered so that a table comes after the tables its foreign keys reference. */
  static List<DeclaredSchema.Table> inDependencyOrder(DeclaredSchema schema) {
    List<DeclaredSchema.Table> ordered = new ArrayList<>();
    List<DeclaredSchema.Table> left = new ArrayList<>(schema.tables());
    while (!left.isEmpty()) {
      DeclaredSchema.Table next =
          left.stream()
              .filter(
                  t ->
                      t.foreignKeys().stream()
                          .allMatch(
                              f ->
                                  f.refTable().equals(t.name())
                                      || ordered.stream()
                                          .anyMatch(o -> o.name().equals(f.refTable()))
                                      || schema.table(f.refTable()) == null))
              .findFirst()
              .orElse(left.get(0)); // a cycle: keep the declared order
      ordered.add(next);
      left.remove(next);
    }
    return ordered;
  }

  static String type(String type, Dialect d) {
    if (d == Dialect.SQLITE) {
      return switch (type.replaceAll("\\(.*", "")) {
        case "uuid", "text", "varchar" -> "TEXT";
        case "integer" -> "INTEGER";
        case "bigint" -> "BIGINT";
        case "boolean" -> "BOOLEAN";
        case "timestamp" -> "TIMESTAMP";
        case "double" -> "REAL";
        default -> type.toUpperCase(Locale.ROOT);
      };
    }
    return switch (type.replaceAll("\\(.*", "")) {
      case "uuid" -> "UUID";
      case "text" -> "TEXT";
      case "integer" -> "INTEGER";
      case "bigint" -> "BIGINT";
      case "boolean" -> "BOOLEAN";
      case "timestamp" -> "TIMESTAMPTZ";
      case "double" -> "DOUBLE PRECISION";
      default -> type.toUpperCase(Locale.ROOT);
    };
  }

  static String defaultValue(String value, Dialect d) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "true" -> d == Dialect.SQLITE ? "1" : "TRUE";
      case "false" -> d == Dialect.SQLITE ? "0" : "FALSE";
      case "current_timestamp" -> "CURRENT_TIMESTAMP";
      default -> value;
    };
  }

  static String column(DeclaredSchema.Table t, DeclaredSchema.Column c, Dialect d) {
    StringBuilder b = new StringBuilder(c.name()).append(' ').append(type(c.type(), d));
    if (c.notNull()) {
      b.append(" NOT NULL");
    }
    if (c.defaultValue() != null) {
      b.append(" DEFAULT ").append(defaultValue(c.defaultValue(), d));
    }
    if (t.primaryKey().size() == 1 && t.primaryKey().get(0).equals(c.name())) {
      b.append(" PRIMARY KEY");
    }
    return b.toString();
  }

  /** CREATE TABLE with its constraints; indexes come separately. */
  static String createTable(DeclaredSchema.Table t, String as, Dialect d) {
    List<String> parts = new ArrayList<>();
    for (DeclaredSchema.Column c : t.columns()) {
      parts.add("    " + column(t, c, d));
    }
    if (t.primaryKey().size() > 1) {
      parts.add("    PRIMARY KEY (" + String.join(", ", t.primaryKey()) + ")");
    }
    for (DeclaredSchema.Unique u : t.uniques()) {
      parts.add("    CONSTRAINT " + u.name() + " UNIQUE (" + String.join(", ", u.columns()) + ")");
    }
    for (DeclaredSchema.ForeignKey f : t.foreignKeys()) {
      parts.add("    CONSTRAINT " + foreignKey(f));
    }
    for (DeclaredSchema.Check c : t.checks()) {
      parts.add("    CONSTRAINT " + c.name() + " CHECK " + c.expression());
    }
    return "CREATE TABLE " + as + " (\n" + String.join(",\n", parts) + "\n);";
  }

  static String foreignKey(DeclaredSchema.ForeignKey f) {
    return f.name()
        + " FOREIGN KEY ("
        + String.join(", ", f.columns())
        + ") REFERENCES "
        + f.refTable()
        + " ("
        + String.join(", ", f.refColumns())
        + ")"
        + (f.onDelete() == null ? "" : " ON DELETE " + f.onDelete());
  }

  static String createIndex(DeclaredSchema.Table t, DeclaredSchema.Index i, Dialect d) {
    List<String> cols = new ArrayList<>();
    for (String c : i.columns()) {
      DeclaredSchema.Column column = t.column(c);
      boolean varchar =
          column != null && (column.type().startsWith("varchar") || column.type().equals("text"));
      cols.add(
          i.pattern() && d == Dialect.POSTGRESQL && varchar
              ? c + (column.type().equals("text") ? " text_pattern_ops" : " varchar_pattern_ops")
              : c);
    }
    return "CREATE "
        + (i.unique() ? "UNIQUE " : "")
        + "INDEX "
        + i.name()
        + " ON "
        + t.name()
        + " ("
        + String.join(", ", cols)
        + ");";
  }

  /** The whole declared schema as DDL statements, for loading into a scratch database. */
  static List<String> create(DeclaredSchema schema, Dialect d) {
    List<String> out = new ArrayList<>();
    for (DeclaredSchema.Table t : inDependencyOrder(schema)) {
      out.add(createTable(t, t.name(), d));
      for (DeclaredSchema.Index i : t.indexes()) {
        out.add(createIndex(t, i, d));
      }
    }
    return out;
  }
}
