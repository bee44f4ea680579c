package com.datamingle.migrations.transfer;

import static com.datamingle.migrations.transfer.ImportFixtures.count;
import static com.datamingle.migrations.transfer.ImportFixtures.execute;
import static com.datamingle.migrations.transfer.ImportFixtures.importer;
import static com.datamingle.migrations.transfer.ImportFixtures.migrator;
import static com.datamingle.migrations.transfer.ImportFixtures.rows;
import static com.datamingle.migrations.transfer.ImportFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.transfer.ImportOptions.BadEmail;
import com.datamingle.migrations.transfer.ImportOptions.BadValue;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * {@code db import} on one kind of database as source and target; each subclass supplies fresh
 * databases of its kind and the prototype's database on it.
 */
abstract class DatabaseImportContract {
  static final List<String> TABLES =
      List.of("users", "workos_user_sync", "workos_events", "sync_cursors");
  static final ImportOptions DEFAULTS = ImportOptions.DEFAULTS;
  static final ImportOptions PLACEHOLDER =
      new ImportOptions(false, false, BadEmail.PLACEHOLDER, BadValue.REFUSE);
  static final ImportOptions DEFAULT_VALUES =
      new ImportOptions(false, false, BadEmail.REFUSE, BadValue.DEFAULT);
  static final ImportOptions PLACEHOLDER_DEFAULT_VALUES =
      new ImportOptions(false, false, BadEmail.PLACEHOLDER, BadValue.DEFAULT);
  static final ImportOptions SKIP_UNKNOWN =
      new ImportOptions(false, true, BadEmail.PLACEHOLDER, BadValue.REFUSE);

  /** Asserts that importing the source into the target fails as a {@link MigrationFailure}. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertFailure(
      MigrationTarget source, MigrationTarget target, ImportOptions options) {
    return assertThatThrownBy(() -> importer(source, target, options).run(ImportListener.SILENT))
        .isInstanceOf(MigrationFailure.class);
  }

  /**
   * Asserts that importing the source into a new database fails naming these and creates nothing.
   */
  void assertRefusedLeavingANewTargetEmpty(MigrationTarget source, String... named)
      throws Exception {
    MigrationTarget target = fresh();
    var failure = assertFailure(source, target, DEFAULTS);
    for (String words : named) {
      failure.hasMessageContaining(words);
    }
    assertThat(untouched(target)).isTrue();
  }

  /** The findings of importing the source into the target, each as its one line. */
  static List<String> findings(
      MigrationTarget source, MigrationTarget target, ImportOptions options) throws Exception {
    return importer(source, target, options).run(ImportListener.SILENT).findings().stream()
        .map(Finding::describe)
        .toList();
  }

  /** A new, empty database. */
  abstract MigrationTarget fresh() throws Exception;

  /** A new database holding the Flask prototype's tables and five users. */
  abstract MigrationTarget prototype() throws Exception;

  /** What must not change in a source: its bytes, or all its rows. */
  abstract String state(MigrationTarget source) throws Exception;

  /** True when the target holds no table at all (nothing was created). */
  abstract boolean untouched(MigrationTarget target) throws Exception;

  @Test
  void theProtoypeImportsWithEveryUserAccountedForAndTheSourceUnchanged() throws Exception {
    MigrationTarget source = prototype();
    String before = state(source);
    MigrationTarget target = fresh();

    ImportReport report = importer(source, target, PLACEHOLDER).run(ImportListener.SILENT);

    assertThat(state(source)).isEqualTo(before);
    assertThat(report.sourceKind()).contains("Flask prototype").contains("c7948bcecaac");
    assertThat(report.tables()).allMatch(ImportReport.Table::verified);
    assertThat(report.rows()).isEqualTo(5);
    assertThat(migrator(target).status().atHead()).isTrue();
    List<String> users = rows(target, "users");
    assertThat(users).hasSize(5);
    assertThat(users)
        .anySatisfy(
            u ->
                assertThat(u)
                    .contains("workos_user_id=user_01PROTOADMIN0000000000000")
                    .contains("email=ada@example.com")
                    .contains("first_name=Ada ")
                    .contains("profile_picture_url=https://example.com/ada.png")
                    .contains("is_active=1 is_admin=1 timezone=Europe/London language=en-GB")
                    .contains("created_at=" + millis("2025-03-01T09:30:00.123Z"))
                    .contains("updated_at=" + millis("2025-06-02T10:00:00Z"))
                    .contains("last_login_at=" + millis("2026-11-20T08:15:42.500Z"))
                    .contains("last_session_id=session_01PROTO000000000000000001"))
        .anySatisfy(u -> assertThat(u).contains("first_name=José").contains("last_name=Muñoz"))
        .anySatisfy(
            u ->
                assertThat(u)
                    .contains("user_01PROTOINACTIVE0000000000")
                    .contains("first_name=null")
                    .contains("is_active=0 is_admin=0"))
        .anySatisfy(
            u ->
                assertThat(u)
                    .contains("email=user_01protonoemail00000000000@missing-email.invalid")
                    .contains("first_name=李"))
        .anySatisfy(
            u ->
                assertThat(u)
                    .contains("last_name=O'Hopper")
                    .contains("https://example.com/p?a=1&b=2")
                    .contains("last_login_at=" + millis("2026-11-29T23:59:59.999Z")));
    assertThat(users).allMatch(u -> u.matches("id=01900000-0000-7000-8000-0000000000\\d\\d .*"));
    assertThat(report.findings())
        .extracting(Finding::describe)
        .anyMatch(f -> f.contains("email") && f.contains("placeholder") && f.endsWith("replaced"))
        .anyMatch(f -> f.contains("created_at") && f.contains("millisecond"))
        .anyMatch(f -> f.startsWith("users.id") && f.endsWith("noted"));
  }

  @Test
  void aUserWithoutEmailIsRefusedByDefaultAndNothingIsImported() throws Exception {
    MigrationTarget source = prototype();
    MigrationTarget target = fresh();

    assertThatThrownBy(() -> importer(source, target, DEFAULTS).run(ImportListener.SILENT))
        .isInstanceOf(DatabaseImport.ImportRefused.class)
        .hasMessageContaining("user_01PROTONOEMAIL00000000000")
        .hasMessageContaining("email is required -> refused")
        .hasMessageContaining("--on-bad-email=placeholder")
        .hasMessageContaining("no row was imported");
    assertThat(count(target, "users")).isZero();
  }

  @Test
  void theDryRunReportsWhatWouldBeDoneAndWritesNothing() throws Exception {
    MigrationTarget source = prototype();
    MigrationTarget target = fresh();

    ImportReport report =
        importer(source, target, DEFAULTS.withDryRun(true)).run(ImportListener.SILENT);

    assertThat(report.dryRun()).isTrue();
    assertThat(report.refused()).isTrue();
    assertThat(report.rows()).isEqualTo(5);
    assertThat(report.findings())
        .extracting(Finding::describe)
        .anyMatch(f -> f.contains("user_01PROTONOEMAIL00000000000") && f.endsWith("refused"));
    assertThat(untouched(target)).isTrue();
  }

  @Test
  void dataMingleToDataMingleKeepsIdsAndEveryTable() throws Exception {
    MigrationTarget source = fresh();
    seed(source, 1200);
    MigrationTarget target = fresh();

    ImportReport report = importer(source, target, DEFAULTS).run(ImportListener.SILENT);

    assertThat(report.sourceKind()).contains("DataMingle").contains("(head)");
    assertThat(report.findings()).isEmpty();
    assertThat(migrator(target).schema())
        .as("the schema the migrations made, indexes rebuilt after a bulk load included")
        .isEqualTo(migrator(source).schema());
    for (String table : TABLES) {
      assertThat(rows(target, table)).as(table).isEqualTo(rows(source, table)).isNotEmpty();
    }
    assertThat(report.tables())
        .allMatch(ImportReport.Table::verified)
        .extracting(ImportReport.Table::sourceRows)
        .containsExactlyInAnyOrder(1200L, 2L, 1L, 1L, 0L, 0L, 0L);
  }

  @Test
  void aDataMingleRowEditedByHandIntoSomethingTheRulesRefuseIsNamed() throws Exception {
    MigrationTarget source = fresh();
    seed(source, 3);
    execute(
        source, "UPDATE users SET timezone = 'Nowhere/Land' WHERE workos_user_id = 'user_01SEED1'");

    assertThatThrownBy(() -> importer(source, fresh(), DEFAULTS).run(ImportListener.SILENT))
        .hasMessageContaining(
            "(user_01SEED1): 'Nowhere/Land' refused: not a known time zone -> refused");
    MigrationTarget target = fresh();
    assertThat(findings(source, target, DEFAULT_VALUES))
        .anyMatch(f -> f.contains("user_01SEED1") && f.endsWith("stored 'UTC' -> replaced"));
    assertThat(rows(target, "users")).hasSize(3);
  }

  @Test
  void aSourceAtAnOlderVersionIsReadAtItsVersionAndTheTargetIsAtHead() throws Exception {
    MigrationTarget source = fresh();
    migrator(source).upgrade("20261124000002", MigrationListener.SILENT);
    execute(
        source,
        "INSERT INTO users (id, workos_user_id, email, is_active, is_admin, timezone, language,"
            + " created_at, updated_at) VALUES ('0190aaaa-0000-7000-8000-000000000001',"
            + " 'user_01OLD', 'old@example.com', "
            + bool(source, true)
            + ", "
            + bool(source, false)
            + ", 'UTC', 'en', "
            + time(source, "2026-01-01T00:00:00Z")
            + ", "
            + time(source, "2026-01-01T00:00:00Z")
            + ")");
    MigrationTarget target = fresh();

    ImportReport report = importer(source, target, DEFAULTS).run(ImportListener.SILENT);

    assertThat(report.sourceKind()).contains("20261124000002").contains("read at its version");
    assertThat(migrator(target).status().atHead()).isTrue();
    assertThat(rows(target, "users")).isEqualTo(rows(source, "users"));
    assertThat(count(target, "workos_events")).isZero();
  }

  @Test
  void aNonEmptyTargetIsRefusedAndKeepsItsRows() throws Exception {
    MigrationTarget source = prototype();
    MigrationTarget target = fresh();
    seed(target, 3);
    List<String> before = rows(target, "users");

    assertFailure(source, target, PLACEHOLDER)
        .hasMessageContaining("already holds data (")
        .hasMessageContaining("users: 3 row(s)")
        .hasMessageContaining("nothing was written");
    assertThat(rows(target, "users")).isEqualTo(before);
  }

  @Test
  void aSourceNewerThanThisBuildIsRefusedBeforeTheTargetIsTouched() throws Exception {
    MigrationTarget source = fresh();
    seed(source, 1);
    execute(
        source,
        "INSERT INTO CHANGELOG (ID, APPLIED_AT, DESCRIPTION) VALUES (29991231000000,"
            + " '2999-12-31 00:00:00', 'from the future')");

    assertRefusedLeavingANewTargetEmpty(
        source, "newer than this build's head", "29991231000000", "Nothing was written");
  }

  @Test
  void aSourceNeitherOursNorThePrototypesIsRefused() throws Exception {
    MigrationTarget source = fresh();
    execute(source, "CREATE TABLE flyway_schema_history (x INTEGER)", "CREATE TABLE t (a INTEGER)");

    assertRefusedLeavingANewTargetEmpty(
        source, "made by Flyway", "neither DataMingle's nor the Flask prototype's");
  }

  @Test
  void anUnknownColumnIsRefusedUnlessSkippedAndThenNamed() throws Exception {
    MigrationTarget source = prototype();
    execute(source, "ALTER TABLE users ADD COLUMN nickname VARCHAR(50)");
    execute(source, "UPDATE users SET nickname = 'nick'");

    assertThatThrownBy(() -> importer(source, fresh(), PLACEHOLDER).run(ImportListener.SILENT))
        .hasMessageContaining("users.nickname: a column DataMingle does not have -> refused");

    MigrationTarget target = fresh();
    assertThat(findings(source, target, SKIP_UNKNOWN))
        .contains("users.nickname: a column DataMingle does not have -> left_out");
    assertThat(count(target, "users")).isEqualTo(5);
  }

  @Test
  void anInvalidTimeZoneIsRefusedOrReplacedByTheDefaultWhenAsked() throws Exception {
    MigrationTarget source = prototype();
    execute(source, "UPDATE users SET timezone = 'Mars/Olympus' WHERE id = 2");

    assertThatThrownBy(() -> importer(source, fresh(), PLACEHOLDER).run(ImportListener.SILENT))
        .hasMessageContaining("users.timezone id 2 (user_01PROTOMEMBER000000000000)")
        .hasMessageContaining("'Mars/Olympus' refused");

    MigrationTarget target = fresh();
    assertThat(findings(source, target, PLACEHOLDER_DEFAULT_VALUES))
        .anyMatch(
            f -> f.contains("'Mars/Olympus' refused") && f.endsWith("stored 'UTC' -> replaced"));
    assertThat(rows(target, "users"))
        .anySatisfy(u -> assertThat(u).contains("user_01PROTOMEMBER").contains("timezone=UTC"));
  }

  @Test
  void aFailureHalfWayLeavesTheTargetWithoutAnyImportedRow() throws Exception {
    MigrationTarget source = prototype();
    ImportFixtures.addPrototypeUsers(source, 3000);
    MigrationTarget target = fresh();
    java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
    DatabaseImport half =
        new DatabaseImport(
            source,
            migrator(target),
            com.datamingle.migrations.scripts.ScriptSource.packaged(),
            ImportFixtures.RULES,
            EmailLookup.UNAVAILABLE,
            () -> {
              if (ids.incrementAndGet() == 2500) {
                throw new IllegalStateException("the disk is full");
              }
              return java.util.UUID.randomUUID();
            },
            PLACEHOLDER);

    assertThatThrownBy(() -> half.run(ImportListener.SILENT))
        .hasMessageContaining("the disk is full");
    for (String table : TABLES) {
      assertThat(count(target, table)).as(table).isZero();
    }
    MigrationTarget reference = fresh();
    migrator(reference).upgrade(null, MigrationListener.SILENT);
    assertThat(migrator(target).schema())
        .as("indexes dropped for the load come back with the rollback")
        .isEqualTo(migrator(reference).schema());
  }

  @Test
  void theVerificationCatchesARowTheTargetChangedAndRollsBack() throws Exception {
    MigrationTarget source = fresh();
    seed(source, 20);
    MigrationTarget target = fresh();
    migrator(target).upgrade(null, MigrationListener.SILENT);
    changeFirstNamesOnInsert(target);

    assertThatThrownBy(() -> importer(source, target, DEFAULTS).run(ImportListener.SILENT))
        .hasMessageContaining("verification failed for table users")
        .hasMessageContaining("rolled back");
    assertThat(count(target, "users")).isZero();
  }

  /** A trigger that alters every inserted user: what a faulty write path would do. */
  abstract void changeFirstNamesOnInsert(MigrationTarget target) throws Exception;

  static long millis(String instant) {
    return java.time.Instant.parse(instant).toEpochMilli();
  }

  static String bool(MigrationTarget t, boolean value) {
    return t.dialect() == com.datamingle.migrations.database.Dialect.SQLITE
        ? (value ? "1" : "0")
        : Boolean.toString(value);
  }

  static String time(MigrationTarget t, String instant) {
    return t.dialect() == com.datamingle.migrations.database.Dialect.SQLITE
        ? Long.toString(millis(instant))
        : "'" + instant + "'";
  }
}
