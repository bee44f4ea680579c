package com.datamingle.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.MigrationFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.migration.Change;
import org.junit.jupiter.api.Test;

/** What to apply and what to refuse, decided from scripts and changelog rows alone: no database. */
class MigrationPlannerTest {
  private static final String A = "20260101000001";
  private static final String B = "20260101000002";
  private static final String C = "20260101000003";
  private static final String D = "20260101000004";

  private final List<Change> scripts = new ArrayList<>();
  private final List<Changelog.Row> rows = new ArrayList<>();
  private final Map<BigDecimal, String> checksums = new HashMap<>();

  private MigrationPlannerTest script(String id) {
    Change change = new Change(new BigDecimal(id), null, "step " + id);
    change.setFilename(id + "_step.sql");
    scripts.add(change);
    checksums.put(new BigDecimal(id), "sum-" + id);
    return this;
  }

  private MigrationPlannerTest applied(String id, String checksum) {
    rows.add(new Changelog.Row(new BigDecimal(id), "2026-01-01 00:00:00", "step " + id, checksum));
    return this;
  }

  private MigrationStatus status() {
    return MigrationPlanner.merge(scripts, rows, checksums);
  }

  private static List<String> ids(List<MigrationEntry> entries) {
    return entries.stream().map(MigrationEntry::id).toList();
  }

  @Test
  void migrationsNewerThanEveryScriptMakeTheDatabaseNewerThanThisBuild() {
    script(A).script(B).applied(A, null).applied(B, null).applied(C, null).applied(D, null);
    assertThat(ids(status().newerThanScripts())).containsExactly(C, D);
    assertThat(status().atHead()).isFalse();
  }

  @Test
  void aLostScriptAPendingOneOrAtHeadIsNotANewerDatabase() {
    script(A).script(C).applied(A, null).applied(B, null).applied(C, null);
    assertThat(status().newerThanScripts()).as("B lost in the middle").isEmpty();
    rows.clear();
    script(D);
    applied(A, null).applied(C, null).applied(D, null);
    assertThat(status().newerThanScripts()).as("at head").isEmpty();
    rows.clear();
    applied(A, null).applied(C, null).applied("20260101000005", null);
    assertThat(status().newerThanScripts()).as("D never applied").isEmpty();
  }

  @Test
  void mergeGivesEachMigrationItsState() {
    script(A).script(B).script(C).applied(A, "sum-" + A).applied(C, null).applied(D, "x");

    assertThat(status().entries())
        .extracting(MigrationEntry::id, MigrationEntry::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(A, MigrationEntry.State.APPLIED),
            org.assertj.core.groups.Tuple.tuple(B, MigrationEntry.State.OUT_OF_ORDER),
            org.assertj.core.groups.Tuple.tuple(C, MigrationEntry.State.APPLIED),
            org.assertj.core.groups.Tuple.tuple(D, MigrationEntry.State.MISSING_SCRIPT));
    assertThat(status().entries().get(0).scriptChecksum()).isEqualTo("sum-" + A);
  }

  @Test
  void upgradeAppliesWhatIsPendingUpToTheTarget() {
    script(A).script(B).script(C).applied(A, "sum-" + A);

    assertThat(ids(MigrationPlanner.upgrade(status(), null))).containsExactly(B, C);
    assertThat(ids(MigrationPlanner.upgrade(status(), B))).containsExactly(B);
    assertThat(MigrationPlanner.upgrade(status(), A)).isEmpty();
  }

  @Test
  void upgradeRefusesToSkipParallelWork() {
    script(A).script(B).script(C).applied(A, null).applied(C, null);

    assertThatThrownBy(() -> MigrationPlanner.upgrade(status(), null))
        .isInstanceOf(MigrationFailure.class)
        .hasMessageContaining("refusing to upgrade: 1 migration(s) older than the database's")
        .hasMessageContaining(B + "_step.sql")
        .hasMessageContaining("db merge");
  }

  @Test
  void upgradeRefusesAnOlderTargetAndUnknownIds() {
    script(A).script(B).applied(A, null).applied(B, null);

    assertThatThrownBy(() -> MigrationPlanner.upgrade(status(), A))
        .hasMessage(
            "the database is at "
                + B
                + ", newer than "
                + A
                + "; to go back, run `datamingle db"
                + " downgrade "
                + A
                + "`");
    assertThatThrownBy(() -> MigrationPlanner.upgrade(status(), "20990101000000"))
        .hasMessageStartingWith("no migration has the id 20990101000000");
    assertThatThrownBy(() -> MigrationPlanner.upgrade(status(), "latest"))
        .hasMessageStartingWith("'latest' is not a migration id");
  }

  @Test
  void anEditedOrLostAppliedMigrationStopsAnUpgrade() {
    script(A).script(B).applied(A, "recorded-long-ago");

    assertThatThrownBy(() -> MigrationPlanner.upgrade(status(), null))
        .hasMessageContaining("refusing to upgrade: migration " + A + "_step.sql was edited");
    assertThat(MigrationPlanner.problems(status(), true)).hasSize(1);

    rows.clear();
    applied(A, null).applied("20251231000000", null);
    assertThatThrownBy(() -> MigrationPlanner.upgrade(status(), null))
        .hasMessageContaining("the database records migration(s) [20251231000000]");
  }

  @Test
  void downgradeStepsUndoesTheNewestAndRefusesTooMany() {
    script(A).script(B).script(C).applied(A, null).applied(B, null);

    assertThat(ids(MigrationPlanner.downgradeSteps(status(), 1, "db"))).containsExactly(B);
    assertThat(ids(MigrationPlanner.downgradeSteps(status(), 2, "db"))).containsExactly(A, B);
    assertThatThrownBy(() -> MigrationPlanner.downgradeSteps(status(), 0, "db"))
        .hasMessageStartingWith("a downgrade undoes at least one migration");
    assertThatThrownBy(() -> MigrationPlanner.downgradeSteps(status(), 3, "db"))
        .hasMessageStartingWith("cannot undo 3 migrations: only 2 are applied");
    rows.clear();
    assertThatThrownBy(() -> MigrationPlanner.downgradeSteps(status(), 1, "the-db"))
        .hasMessage("nothing to downgrade: no migration is applied to the-db");
  }

  @Test
  void downgradeToUndoesEverythingNewerAndRefusesWhatIsNotApplied() {
    script(A).script(B).script(C).applied(A, null).applied(B, null);

    assertThat(ids(MigrationPlanner.downgradeTo(status(), A))).containsExactly(B);
    assertThat(ids(MigrationPlanner.downgradeTo(status(), "base"))).containsExactly(A, B);
    assertThatThrownBy(() -> MigrationPlanner.downgradeTo(status(), C))
        .hasMessageStartingWith("migration " + C + " is not applied");
  }

  @Test
  void anUndoWithoutAnUndoSectionIsRefused() {
    script(A).script(B).applied(A, null).applied(B, null);
    List<MigrationEntry> undo = MigrationPlanner.downgradeSteps(status(), 2, "db");

    MigrationPlanner.requireUndoable(status(), undo, Set.of());
    assertThatThrownBy(() -> MigrationPlanner.requireUndoable(status(), undo, Set.of(A)))
        .hasMessageStartingWith("migration " + A + "_step.sql has no undo section");
  }

  @Test
  void stampTargetsHeadOrAnIdButNeverBase() {
    script(A).script(B);

    assertThat(MigrationPlanner.stampTarget(status(), "head")).isEqualTo(B);
    assertThat(MigrationPlanner.stampTarget(status(), A)).isEqualTo(A);
    assertThatThrownBy(() -> MigrationPlanner.stampTarget(status(), "base"))
        .hasMessageStartingWith("stamping base would forget every migration");
    scripts.clear();
    assertThatThrownBy(() -> MigrationPlanner.stampTarget(status(), "head"))
        .hasMessage("there are no migration scripts to stamp");
  }

  @Test
  void aMergeRunsTheOutOfOrderScriptsAndNothingNewer() {
    script(A).script(B).script(C).script(D).applied(A, null).applied(C, null);

    assertThat(MigrationPlanner.mergeable(status())).containsExactlyInAnyOrder(A, B, C);
  }
}
