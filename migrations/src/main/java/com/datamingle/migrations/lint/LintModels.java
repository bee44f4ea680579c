package com.datamingle.migrations.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A lint report as plain maps and lists, ready for any JSON writer: the project's own shape for
 * {@code --json}, and SARIF 2.1.0 for {@code --sarif} (code-scanning tools show it on the lines of
 * a pull request).
 */
public final class LintModels {
  static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private LintModels() {}

  /** {@code {"passed":..,"checked":[..],"findings":[{rule, severity, dialect, file, ..}]}}. */
  public static Map<String, Object> json(LintReport report) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("passed", report.passes());
    o.put("checked", report.checkedFiles());
    List<Object> findings = new ArrayList<>();
    for (Finding f : report.findings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", f.rule().id());
      m.put("severity", f.rule().severity().id());
      m.put("dialect", f.dialect().id());
      m.put("file", f.file());
      m.put("line", f.line());
      m.put("statement", f.statement());
      m.put("why", f.why());
      m.put("safe", f.rule().safe());
      m.put("accepted", f.acceptance().orElse(null));
      findings.add(m);
    }
    o.put("findings", findings);
    return o;
  }

  /**
   * SARIF 2.1.0: one run, the rules that fired, one result per finding located at {@code uri(f)}
   * and its line; an accepted finding carries an in-source suppression with the reason.
   */
  public static Map<String, Object> sarif(LintReport report, Function<Finding, String> uri) {
    Set<Rule> fired = EnumSet.noneOf(Rule.class);
    report.findings().forEach(f -> fired.add(f.rule()));
    List<Object> rules = new ArrayList<>();
    for (Rule r : fired) {
      rules.add(
          ordered(
              "id", r.id(),
              "shortDescription", ordered("text", r.why()),
              "help", ordered("text", r.safe()),
              "defaultConfiguration", ordered("level", r.severity().id())));
    }
    List<Object> results = new ArrayList<>();
    for (Finding f : report.findings()) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ruleId", f.rule().id());
      result.put("level", f.rule().severity().id());
      result.put("message", ordered("text", f.why() + ". Safe: " + f.rule().safe()));
      result.put(
          "locations",
          List.of(
              ordered(
                  "physicalLocation",
                  ordered(
                      "artifactLocation",
                      ordered("uri", uri.apply(f)),
                      "region",
                      ordered("startLine", f.line())))));
      if (f.accepted()) {
        result.put(
            "suppressions",
            List.of(ordered("kind", "inSource", "justification", f.acceptedBecause())));
      }
      results.add(result);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "datamingle db lint");
    driver.put("rules", rules);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", ordered("driver", driver));
    run.put("results", results);
    Map<String, Object> sarif = new LinkedHashMap<>();
    sarif.put("$schema", SARIF_SCHEMA);
    sarif.put("version", "2.1.0");
    sarif.put("runs", List.of(run));
    return sarif;
  }

  /** A map keeping its keys in the order given, so the output reads the same on every run. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
