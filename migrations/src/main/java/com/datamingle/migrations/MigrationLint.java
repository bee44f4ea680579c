package com.datamingle.migrations;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lint.Finding;
import com.datamingle.migrations.lint.GateMessages;
import com.datamingle.migrations.lint.LintReport;
import com.datamingle.migrations.lint.LintScript;
import com.datamingle.migrations.lint.MigrationLinter;
import com.datamingle.migrations.lint.Rule;
import com.datamingle.migrations.lint.SqlDialect;
import com.datamingle.migrations.scripts.ScriptLoader;
import com.datamingle.migrations.scripts.ScriptSource;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ibatis.migration.Change;

/**
 * {@code db lint} over a script source and a database: the pending scripts (by the database's
 * changelog) or all of them, in one or both dialects, with row counts of rebuilt tables read from
 * the database when it is of the script's dialect.
 */
public final class MigrationLint {
  private MigrationLint() {}

  /**
   * Lints the scripts of each dialect given. Every script is read, in id order, so that the rules
   * know the schema; only pending ones (all, with {@code all}) are checked.
   */
  public static LintReport lint(
      MigrationTarget target, ScriptSource scripts, Set<Dialect> dialects, boolean all) {
    Set<String> pending =
        all
            ? Set.of()
            : DatabaseMigrator.create(target, scripts).status().entries().stream()
                .filter(
                    e ->
                        e.state() == MigrationEntry.State.PENDING
                            || e.state() == MigrationEntry.State.OUT_OF_ORDER)
                .map(MigrationEntry::id)
                .collect(Collectors.toSet());
    List<LintScript> toLint = new ArrayList<>();
    for (Dialect d : Dialect.values()) {
      if (!dialects.contains(d)) {
        continue;
      }
      for (Change change : new ScriptLoader(scripts, d).getMigrations()) {
        String id = change.getId().toPlainString();
        toLint.add(
            new LintScript(
                change.getFilename(),
                dialect(d),
                text(scripts, d, change.getFilename()),
                all || pending.contains(id)));
      }
    }
    return MigrationLinter.lint(
        toLint,
        (dialect, table) ->
            dialect == dialect(target.dialect()) ? rows(target, table) : OptionalLong.empty());
  }

  /**
   * The gate in front of every command that applies pending scripts to a database in use: lints the
   * pending scripts of the target's dialect and refuses when an error-level finding is neither
   * accepted in its script nor allowed by rule id ({@code --allow RULE}). Returns the report (its
   * warnings and accepted findings are for printing).
   */
  public static LintReport requireSafe(
      MigrationTarget target, ScriptSource scripts, Set<String> allowedRules) {
    return requireSafe(target, scripts, allowedRules, null);
  }

  /**
   * As {@link #requireSafe(MigrationTarget, ScriptSource, Set)}, for an upgrade that stops at
   * migration {@code upTo} (null: head): the pending scripts after it are not applied, so their
   * findings do not refuse.
   */
  public static LintReport requireSafe(
      MigrationTarget target, ScriptSource scripts, Set<String> allowedRules, String upTo) {
    for (String id : allowedRules) {
      if (Rule.byId(id).isEmpty()) {
        throw new MigrationFailure(
            "--allow " + id + ": no such lint rule; the rules are " + GateMessages.knownIds());
      }
    }
    LintReport report = lint(target, scripts, Set.of(target.dialect()), false);
    List<Finding> refused =
        report.blocking().stream()
            .filter(f -> !allowedRules.contains(f.rule().id()))
            .filter(f -> upTo == null || applied(f.file(), upTo))
            .toList();
    if (!refused.isEmpty()) {
      throw new MigrationFailure(GateMessages.message(refused));
    }
    return report;
  }

  /**
   * The findings that {@code -- lint:accept} comments accept in each script of the dialect, by file
   * name: what {@code db history} shows beside an applied script.
   */
  public static Map<String, List<Finding>> accepted(ScriptSource scripts, Dialect d) {
    List<LintScript> all = new ArrayList<>();
    for (Change change : new ScriptLoader(scripts, d).getMigrations()) {
      all.add(
          new LintScript(
              change.getFilename(), dialect(d), text(scripts, d, change.getFilename()), true));
    }
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding f : MigrationLinter.lint(all, MigrationLinter.RowCounter.NONE).findings()) {
      if (f.accepted()) {
        byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
      }
    }
    return byFile;
  }

  /** Whether the script {@code fileName} (its id starts the name) is at or before {@code upTo}. */
  private static boolean applied(String fileName, String upTo) {
    String id = fileName.split("_", 2)[0];
    try {
      return new BigDecimal(id).compareTo(new BigDecimal(upTo)) <= 0;
    } catch (NumberFormatException e) {
      return true; // not an id we can compare: keep the finding
    }
  }

  /** The linter's name for a dialect. */
  public static SqlDialect dialect(Dialect d) {
    return SqlDialect.valueOf(d.name());
  }

  /** The raw text, comments and line numbers intact (the loader has just listed the file). */
  private static String text(ScriptSource scripts, Dialect d, String fileName) {
    try (InputStream in = scripts.open(d, fileName).orElse(InputStream.nullInputStream())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationFailure("cannot lint " + fileName + ": " + e.getMessage(), e);
    }
  }

  /** The table's row count; empty when the database or the table cannot be read. */
  private static OptionalLong rows(MigrationTarget target, String table) {
    try (Connection c = target.openForReading();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
      return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
    } catch (SQLException | MigrationFailure e) {
      return OptionalLong.empty(); // not reachable, or the table is not there yet: no count
    }
  }
}
