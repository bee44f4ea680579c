package com.datamingle.migrations.autogen;

import com.datamingle.migrations.database.MigrationFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target schema, declared once for every database in a small text format that reads like the
 * tables it describes:
 *
 * <pre>
 * table users
 *   id              uuid          not null primary key
 *   email           varchar(254)  not null
 *   is_active       boolean       not null default true
 *   unique uq_users_email (email)
 *   index ix_users_email (email) pattern
 *   foreign key fk_users_team (team_id) references teams (id) on delete cascade
 *   check ck_users_email (length(email) &gt; 3)
 * </pre>
 *
 * Types: uuid, text, varchar(N), integer, bigint, boolean, timestamp, numeric(P,S), double.
 * Defaults: true, false, numbers, 'strings', current_timestamp. {@code pattern} asks PostgreSQL for
 * a pattern-ops index (prefix LIKE); {@code unique index} makes a unique index rather than a
 * constraint. Lines starting with {@code #} are comments.
 */
public record DeclaredSchema(List<Table> tables) {

  public record Table(
      String name,
      List<Column> columns,
      List<String> primaryKey,
      List<Unique> uniques,
      List<Index> indexes,
      List<ForeignKey> foreignKeys,
      List<Check> checks) {
    public Column column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
  }

  public record Column(String name, String type, boolean notNull, String defaultValue) {}

  public record Unique(String name, List<String> columns) {}

  public record Index(String name, boolean unique, List<String> columns, boolean pattern) {}

  public record ForeignKey(
      String name,
      List<String> columns,
      String refTable,
      List<String> refColumns,
      String onDelete) {}

  public record Check(String name, String expression) {}

  private static final Pattern IDENT = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern TYPE =
      Pattern.compile(
          "uuid|text|varchar\\(\\d{1,5}\\)|integer|bigint|boolean|timestamp|numeric\\(\\d{1,2},\\d{1,2}\\)|double");
  private static final Pattern COLUMN =
      Pattern.compile(
          "([a-z_][a-z0-9_]*)\\s+([a-z]+(?:\\(\\d+(?:,\\s*\\d+)?\\))?)((?:\\s+not"
              + " null)?)((?:\\s+default\\s+(?:true|false|-?\\d+(?:\\.\\d+)?|'(?:[^']|'')*'|current_timestamp))?)((?:\\s+primary"
              + " key)?)");
  private static final Pattern NAMED_LIST =
      Pattern.compile(
          "(unique index|unique|index)\\s+([a-z_][a-z0-9_]*)\\s*\\(([^)]*)\\)((?:\\s+pattern)?)");
  private static final Pattern PRIMARY = Pattern.compile("primary key\\s*\\(([^)]*)\\)");
  private static final Pattern FOREIGN =
      Pattern.compile(
          "foreign"
              + " key\\s+([a-z_][a-z0-9_]*)\\s*\\(([^)]*)\\)\\s+references\\s+([a-z_][a-z0-9_]*)\\s*\\(([^)]*)\\)((?:\\s+on"
              + " delete\\s+(?:cascade|set null|restrict|no action))?)");
  private static final Pattern CHECK = Pattern.compile("check\\s+([a-z_][a-z0-9_]*)\\s+(\\(.*\\))");

  /** Parses a declaration; every error names the line and says what is expected. */
  public static DeclaredSchema parse(String text) {
    List<Table> tables = new ArrayList<>();
    Builder current = null;
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int n = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (lower.startsWith("table ")) {
        if (current != null) {
          tables.add(current.build(n));
        }
        String name = lower.substring(6).strip();
        if (!IDENT.matcher(name).matches()) {
          throw error(n, "a table name is lower case letters, digits and _");
        }
        if (tables.stream().anyMatch(t -> t.name().equals(name))) {
          throw error(n, "table " + name + " is declared twice");
        }
        current = new Builder(name);
        continue;
      }
      if (current == null) {
        throw error(n, "start with `table <name>`");
      }
      Matcher m;
      if ((m = PRIMARY.matcher(lower)).matches()) {
        current.primaryKey = names(m.group(1), n);
      } else if ((m = FOREIGN.matcher(lower)).matches()) {
        String onDelete =
            m.group(5).isBlank()
                ? null
                : m.group(5).strip().substring("on delete ".length()).toUpperCase(Locale.ROOT);
        current.foreignKeys.add(
            new ForeignKey(
                m.group(1), names(m.group(2), n), m.group(3), names(m.group(4), n), onDelete));
      } else if ((m = CHECK.matcher(line.replaceAll("\\s+", " "))).matches()
          && lower.startsWith("check ")) {
        current.checks.add(new Check(m.group(1).toLowerCase(Locale.ROOT), m.group(2)));
      } else if ((m = NAMED_LIST.matcher(lower)).matches()) {
        List<String> cols = names(m.group(3), n);
        switch (m.group(1)) {
          case "unique" -> current.uniques.add(new Unique(m.group(2), cols));
          case "unique index" ->
              current.indexes.add(new Index(m.group(2), true, cols, !m.group(4).isBlank()));
          default -> current.indexes.add(new Index(m.group(2), false, cols, !m.group(4).isBlank()));
        }
      } else if ((m = COLUMN.matcher(lower)).matches()) {
        String type = m.group(2).replace(" ", "");
        if (!TYPE.matcher(type).matches()) {
          throw error(
              n,
              "unknown type '"
                  + type
                  + "'; use uuid, text, varchar(N), integer, bigint, boolean, timestamp,"
                  + " numeric(P,S) or double");
        }
        String def =
            m.group(4).isBlank()
                ? null
                : line.replaceAll("\\s+", " ")
                    .replaceAll("(?i).*\\sdefault\\s+", "")
                    .replaceAll("(?i)\\s+primary key$", "")
                    .strip();
        if (def != null && !def.startsWith("'")) {
          def = def.toLowerCase(Locale.ROOT);
        }
        current.columns.add(
            new Column(m.group(1), type, !m.group(3).isBlank() || !m.group(5).isBlank(), def));
        if (!m.group(5).isBlank()) {
          current.primaryKey = List.of(m.group(1));
        }
      } else {
        throw error(
            n,
            "cannot read '"
                + line
                + "'; expected a column (`name type [not null] [default v] [primary key]`),"
                + " `primary key (...)`, `unique name (...)`, `[unique] index name (...)`, `foreign"
                + " key ...` or `check name (...)`");
      }
    }
    if (current != null) {
      tables.add(current.build(lines.length));
    }
    return new DeclaredSchema(List.copyOf(tables));
  }

  public Table table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  private static List<String> names(String list, int line) {
    List<String> names = Arrays.stream(list.split(",")).map(String::strip).toList();
    for (String name : names) {
      if (!IDENT.matcher(name).matches()) {
        throw error(line, "'" + name + "' is not a column name");
      }
    }
    return names;
  }

  private static MigrationFailure error(int line, String message) {
    return new MigrationFailure("declared schema, line " + line + ": " + message);
  }

  private static final class Builder {
    final String name;
    final List<Column> columns = new ArrayList<>();
    List<String> primaryKey = List.of();
    final List<Unique> uniques = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    Table build(int line) {
      if (columns.isEmpty()) {
        throw error(line, "table " + name + " has no columns");
      }
      Map<String, Column> byName = new LinkedHashMap<>();
      for (Column c : columns) {
        if (byName.put(c.name(), c) != null) {
          throw error(line, "column " + name + "." + c.name() + " is declared twice");
        }
      }
      return new Table(
          name,
          List.copyOf(columns),
          primaryKey,
          List.copyOf(uniques),
          List.copyOf(indexes),
          List.copyOf(foreignKeys),
          List.copyOf(checks));
    }
  }
}
