package com.datamingle.migrations.lint;

import static com.datamingle.migrations.lint.SqlDialect.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statement lines, accept comments, and the JSON and SARIF shapes of a report. */
class LintReportTest {
  static final String SCRIPT =
      """
      -- // tidy up
      -- @DELIMITER $$
      CREATE FUNCTION f() RETURNS int AS 'SELECT 1; SELECT 2' LANGUAGE sql$$
      -- @DELIMITER ;

      -- lint:accept drop-table teams has been unused since release 1.2
      DROP TABLE teams;
      ALTER TABLE users
          DROP COLUMN age;
      -- //@UNDO
      DROP TABLE users;
      """;

  @Test
  void findingsCarryTheirFileLineAndStatement() {
    List<String> statements =
        StatementSplitter.split(SCRIPT).stream()
            .map(s -> s.line() + ":" + s.text().replaceAll("\\s+", " "))
            .toList();

    assertThat(statements)
        .containsExactly(
            "3:CREATE FUNCTION f() RETURNS int AS 'SELECT 1; SELECT 2' LANGUAGE sql",
            "7:DROP TABLE teams",
            "8:ALTER TABLE users DROP COLUMN age");
  }

  @Test
  void anAcceptCommentAcceptsItsRuleOnItsStatementOnly() {
    LintReport report = report(SCRIPT);

    assertThat(report.findings())
        .extracting(f -> f.rule().id() + "@" + f.line() + " " + f.acceptedBecause())
        .containsExactly(
            "drop-table@7 teams has been unused since release 1.2", "drop-column@8 null");
    assertThat(report.passes()).isFalse();
    assertThat(report.blocking()).extracting(Finding::rule).containsExactly(Rule.DROP_COLUMN);
  }

  @Test
  void aReportWithOnlyAcceptedErrorsAndWarningsPasses() {
    LintReport report =
        report(
            "-- lint:accept drop-table unused since 1.2\nDROP TABLE teams;\nDROP INDEX ix_users;");

    assertThat(report.findings()).hasSize(2);
    assertThat(report.passes()).isTrue();
  }

  @Test
  void anAcceptCommentForAnotherRuleAcceptsNothing() {
    LintReport report = report("-- lint:accept drop-column wrong rule\nDROP TABLE teams;");

    assertThat(report.passes()).isFalse();
  }

  @Test
  void jsonHasOneObjectPerFinding() {
    Map<String, Object> json = LintModels.json(report(SCRIPT));

    assertThat(json).containsEntry("passed", false);
    assertThat(json.get("checked")).isEqualTo(List.of("postgresql/20260102000000_change.sql"));
    @SuppressWarnings("unchecked") // the model is built of maps and lists
    List<Map<String, Object>> findings = (List<Map<String, Object>>) json.get("findings");
    assertThat(findings.get(1))
        .containsEntry("rule", "drop-column")
        .containsEntry("severity", "error")
        .containsEntry("line", 8)
        .containsEntry("accepted", null)
        .containsKeys("why", "safe", "statement", "file", "dialect");
  }

  @Test
  @SuppressWarnings("unchecked") // SARIF is built of maps and lists
  void sarifIsVersion210WithRulesResultsAndSuppressions() {
    Map<String, Object> sarif =
        LintModels.sarif(report(SCRIPT), f -> "migrations/" + f.dialect().id() + "/" + f.file());

    assertThat(sarif).containsEntry("version", "2.1.0").containsKey("$schema");
    Map<String, Object> run = ((List<Map<String, Object>>) sarif.get("runs")).get(0);
    Map<String, Object> driver =
        (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
    assertThat((List<Map<String, Object>>) driver.get("rules"))
        .extracting(r -> r.get("id"))
        .containsExactly("drop-table", "drop-column");
    List<Map<String, Object>> results = (List<Map<String, Object>>) run.get("results");
    assertThat(results).hasSize(2);
    assertThat(results.get(0))
        .containsEntry("ruleId", "drop-table")
        .containsEntry("level", "error")
        .containsEntry(
            "suppressions",
            List.of(
                Map.of(
                    "kind", "inSource",
                    "justification", "teams has been unused since release 1.2")));
    assertThat(results.get(1)).doesNotContainKey("suppressions");
    Map<String, Object> location =
        (Map<String, Object>)
            ((List<Map<String, Object>>) results.get(1).get("locations"))
                .get(0)
                .get("physicalLocation");
    assertThat(location)
        .containsEntry(
            "artifactLocation", Map.of("uri", "migrations/postgresql/20260102000000_change.sql"))
        .containsEntry("region", Map.of("startLine", 8));
  }

  @Test
  void aTableRebuildSaysHowManyRowsTheTableHolds() {
    LintReport report =
        MigrationLinter.lint(
            List.of(
                new LintScript(
                    "20260101000000_rebuild.sql", SqlDialect.SQLITE, LintRulesTest.REBUILD, true)),
            (dialect, table) ->
                table.equals("users")
                    ? java.util.OptionalLong.of(1234)
                    : java.util.OptionalLong.empty());

    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.TABLE_REBUILD);
              assertThat(f.why()).startsWith("rebuilds table users (1234 rows");
              assertThat(f.line()).isEqualTo(3);
            });
  }

  private static LintReport report(String script) {
    return MigrationLinter.lint(
        List.of(
            new LintScript(
                "20260101000000_schema.sql", POSTGRESQL, LintRulesTest.POSTGRES_SCHEMA, false),
            new LintScript("20260102000000_change.sql", POSTGRESQL, script, true)),
        MigrationLinter.RowCounter.NONE);
  }
}
