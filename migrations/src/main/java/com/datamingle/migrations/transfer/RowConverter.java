package com.datamingle.migrations.transfer;

import com.datamingle.migrations.database.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Turns one source row into the values written to the target: each value read as the target
 * column's type, text put in the project's form by its rules, and what the rules refuse handled as
 * the options say. Every change is a finding; a refused row yields null and stops the import.
 */
final class RowConverter {
  private final TablePlan plan;
  private final Dialect dialect;
  private final ValueRules rules;
  private final ImportOptions options;
  private final EmailLookup emails;
  private final Supplier<UUID> ids;
  private final Findings findings;
  private final ColumnType[] types;
  private final Layout.Column[] targets;
  private final Layout.Column[] sources;
  private final UnaryOperator<String>[] textRules;
  private final List<String> selected = new ArrayList<>();
  private final List<ColumnType> selectedTypes = new ArrayList<>();
  private final int idAt;
  private final int workosAt;
  private final Map<String, long[]> normalised = new LinkedHashMap<>();
  private final Map<String, String> examples = new LinkedHashMap<>();

  RowConverter(
      TablePlan plan,
      Dialect dialect,
      ValueRules rules,
      ImportOptions options,
      EmailLookup emails,
      Supplier<UUID> ids,
      Findings findings) {
    this.plan = plan;
    this.dialect = dialect;
    this.rules = rules;
    this.options = options;
    this.emails = emails;
    this.ids = ids;
    this.findings = findings;
    this.types = plan.written().stream().map(Layout.Column::type).toArray(ColumnType[]::new);
    this.targets = plan.written().toArray(Layout.Column[]::new);
    this.sources = new Layout.Column[targets.length];
    @SuppressWarnings("unchecked")
    UnaryOperator<String>[] perColumn = new UnaryOperator[targets.length];
    for (int i = 0; i < targets.length; i++) {
      sources[i] = plan.sourceColumn(i);
      perColumn[i] =
          types[i] == ColumnType.TEXT ? rules.rule(plan.name(), targets[i].name()) : null;
    }
    this.textRules = perColumn;
    for (int i = 0; i < plan.from().size(); i++) {
      if (plan.from().get(i) != null) {
        selected.add(plan.from().get(i));
        selectedTypes.add(types[i]);
      }
    }
    this.idAt = keyColumn("id");
    this.workosAt = keyColumn("workos_user_id");
  }

  private int keyColumn(String name) {
    for (int i = 0; i < selected.size(); i++) {
      if (selected.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    if (plan.source().column(name).isPresent()) {
      selected.add(plan.source().column(name).get().name());
      return selected.size() - 1;
    }
    return -1;
  }

  ColumnType[] types() {
    return types;
  }

  /** The query that reads the source table. */
  String select() {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < selected.size(); i++) {
      String quoted = Layout.quote(selected.get(i));
      columns.add(i < selectedTypes.size() ? selectedTypes.get(i).select(quoted, dialect) : quoted);
    }
    return "SELECT " + String.join(", ", columns) + " FROM " + Layout.quote(plan.source().name());
  }

  /** The target values of the current row of {@code rs}, or null when the row is refused. */
  Object[] convert(ResultSet rs) throws SQLException {
    Object[] values = new Object[types.length];
    boolean ok = true;
    int read = 0;
    for (int i = 0; i < types.length; i++) {
      Layout.Column target = targets[i];
      Layout.Column source = sources[i];
      if (source == null) {
        values[i] =
            types[i] == ColumnType.UUID || types[i] == ColumnType.TEXT
                ? ids.get().toString()
                : null;
        continue;
      }
      read++;
      Object value;
      try {
        value = types[i].read(rs, read, dialect);
      } catch (IllegalArgumentException e) {
        ok &= refuseOrReplace(rs, target, e.getMessage(), values, i);
        continue;
      }
      if (ColumnType.finerThanMillis(value)) {
        Instant cut = ((Instant) value).truncatedTo(ChronoUnit.MILLIS);
        note(
            target,
            "time(s) had digits below the millisecond, which DataMingle does not keep: cut",
            value + " -> " + cut);
        value = cut;
      }
      if (textRules[i] != null) {
        try {
          String stored = textRules[i].apply((String) value);
          if (!Objects.equals(stored, value)) {
            note(
                target,
                "value(s) stored in DataMingle's form",
                quoted(value) + " -> " + quoted(stored));
          }
          value = stored;
        } catch (IllegalArgumentException e) {
          ok &= refuseOrReplace(rs, target, refusal(value, e.getMessage()), values, i);
          continue;
        }
      }
      if (value == null && target.notNull()) {
        ok &= refuseOrReplace(rs, target, "missing (DataMingle requires a value)", values, i);
        continue;
      }
      values[i] = value;
    }
    return ok ? values : null;
  }

  private static String refusal(Object value, String reason) {
    return value == null ? reason : quoted(value) + " refused: " + reason;
  }

  private static String quoted(Object value) {
    return value == null ? "nothing" : "'" + value + "'";
  }

  /** Handles a value the project refuses; true when the row can still be imported. */
  private boolean refuseOrReplace(
      ResultSet rs, Layout.Column column, String problem, Object[] values, int i)
      throws SQLException {
    String row = rowKey(rs);
    if (plan.name().equalsIgnoreCase("users") && column.name().equalsIgnoreCase("email")) {
      Optional<String> email = replacementEmail(rs, row, problem);
      email.ifPresent(e -> values[i] = e);
      return email.isPresent();
    }
    Optional<ValueRules.Fallback> fallback = rules.fallback(plan.name(), column.name());
    if (options.badValue() == ImportOptions.BadValue.DEFAULT && fallback.isPresent()) {
      String value = fallback.get().value();
      if (value != null || !column.notNull()) {
        values[i] = value;
        add(row, column, problem + "; stored " + quoted(value), Finding.Action.REPLACED);
        return true;
      }
    }
    add(row, column, problem, Finding.Action.REFUSED);
    return false;
  }

  private Optional<String> replacementEmail(ResultSet rs, String row, String problem)
      throws SQLException {
    Layout.Column email = plan.target().column("email").orElseThrow();
    String workosId = workosAt < 0 ? null : rs.getString(workosAt + 1);
    if (options.badEmail() == ImportOptions.BadEmail.REFUSE || workosId == null) {
      add(row, email, problem, Finding.Action.REFUSED);
      return Optional.empty();
    }
    String found;
    String how;
    if (options.badEmail() == ImportOptions.BadEmail.PLACEHOLDER) {
      found = workosId.toLowerCase(java.util.Locale.ROOT) + "@missing-email.invalid";
      how = "a marked placeholder";
    } else {
      try {
        Optional<String> fetched = emails.email(workosId);
        if (fetched.isEmpty()) {
          add(row, email, problem + "; WorkOS does not know this user", Finding.Action.REFUSED);
          return Optional.empty();
        }
        found = fetched.get();
        how = "the email WorkOS holds";
      } catch (IllegalStateException e) {
        add(
            row,
            email,
            problem + "; WorkOS could not be asked: " + e.getMessage(),
            Finding.Action.REFUSED);
        return Optional.empty();
      }
    }
    try {
      UnaryOperator<String> rule = rules.rule(plan.name(), email.name());
      String stored = rule == null ? found : rule.apply(found);
      add(row, email, problem + "; stored " + how + " '" + stored + "'", Finding.Action.REPLACED);
      return Optional.of(stored);
    } catch (IllegalArgumentException e) {
      add(
          row,
          email,
          problem + "; " + how + " '" + found + "' is refused too: " + e.getMessage(),
          Finding.Action.REFUSED);
      return Optional.empty();
    }
  }

  private void add(String row, Layout.Column column, String problem, Finding.Action action) {
    findings.add(new Finding(plan.source().name(), row, column.name(), problem, action));
  }

  private void note(Layout.Column column, String what, String example) {
    String key = column.name() + "\u0000" + what;
    normalised.computeIfAbsent(key, k -> new long[1])[0]++;
    examples.putIfAbsent(key, example);
  }

  /** Adds one finding per column and kind of normalisation, with a count and the first example. */
  void finish() {
    normalised.forEach(
        (key, count) -> {
          String[] parts = key.split("\u0000", 2);
          findings.add(
              new Finding(
                  plan.source().name(),
                  null,
                  parts[0],
                  count[0] + " " + parts[1] + " (e.g. " + examples.get(key) + ")",
                  Finding.Action.NORMALISED));
        });
  }

  /** The row as an operator finds it in the source: its id and WorkOS id, when it has them. */
  private String rowKey(ResultSet rs) throws SQLException {
    String id = idAt < 0 ? null : rs.getString(idAt + 1);
    String workos = workosAt < 0 ? null : rs.getString(workosAt + 1);
    if (id == null && workos == null) {
      return "row " + rs.getRow();
    }
    return ((id == null ? "" : "id " + id + " ") + (workos == null ? "" : "(" + workos + ")"))
        .strip();
  }
}
