package com.datamingle.migrations.transfer;

import static com.datamingle.migrations.transfer.ImportFixtures.importer;
import static com.datamingle.migrations.transfer.ImportFixtures.rows;
import static com.datamingle.migrations.transfer.ImportFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.testing.FlaskPrototype;
import com.datamingle.migrations.testing.PostgresSchemas;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db import} on the real PostgreSQL (each database a schema of its own), and between the two
 * databases: the prototype from either into either, and the round trip SQLite to PostgreSQL to
 * SQLite.
 */
class DatabaseImportPostgresIT extends DatabaseImportContract {
  @TempDir Path dir;
  @RegisterExtension final PostgresSchemas schemas = new PostgresSchemas();

  PostgresTestDatabase schema() {
    return schemas.create();
  }

  static MigrationTarget target(PostgresTestDatabase db) {
    return new MigrationTarget(db.jdbcUrl(), db.user(), db.password());
  }

  @Override
  MigrationTarget fresh() {
    return target(schema());
  }

  @Override
  MigrationTarget prototype() throws Exception {
    PostgresTestDatabase db = schema();
    FlaskPrototype.loadInto(db);
    return target(db);
  }

  @Override
  String state(MigrationTarget source) throws Exception {
    StringBuilder all = new StringBuilder();
    for (String table : List.of("users", "alembic_version")) {
      all.append(table).append(rows(source, table));
    }
    return all.toString();
  }

  @Override
  boolean untouched(MigrationTarget target) throws Exception {
    return PostgresSchemas.tables(schemas.byUrl(target.jdbcUrl())) == 0;
  }

  @Override
  void changeFirstNamesOnInsert(MigrationTarget target) throws Exception {
    ImportFixtures.execute(
        target,
        "CREATE FUNCTION tamper() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.first_name :="
            + " 'X'; RETURN NEW; END $$",
        "CREATE TRIGGER tamper BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION tamper()");
  }

  MigrationTarget sqlite(String name) {
    return DatabaseImportTest.sqlite(dir.resolve(name));
  }

  @Test
  void thePrototypeOnSqliteImportsIntoPostgresqlAndThePrototypeOnPostgresqlIntoSqlite()
      throws Exception {
    Path file = dir.resolve("prototype.sqlite");
    FlaskPrototype.copySqliteTo(file);
    MigrationTarget intoPostgres = fresh();
    MigrationTarget intoSqlite = sqlite("from-postgres.sqlite");

    ImportReport one =
        importer(DatabaseImportTest.sqlite(file), intoPostgres, PLACEHOLDER)
            .run(ImportListener.SILENT);
    ImportReport two = importer(prototype(), intoSqlite, PLACEHOLDER).run(ImportListener.SILENT);

    assertThat(one.tables()).allMatch(ImportReport.Table::verified);
    assertThat(two.tables()).allMatch(ImportReport.Table::verified);
    // the same five users either way (ids are new, so they are left out of the comparison)
    assertThat(withoutIds(rows(intoPostgres, "users")))
        .hasSize(5)
        .isEqualTo(withoutIds(rows(intoSqlite, "users")));
  }

  @Test
  void theRoundTripSqliteToPostgresqlToSqliteGivesIdenticalRows() throws Exception {
    MigrationTarget first = sqlite("first.sqlite");
    seed(first, 500);
    MigrationTarget middle = fresh();
    MigrationTarget last = sqlite("last.sqlite");

    importer(first, middle, DEFAULTS).run(ImportListener.SILENT);
    importer(middle, last, DEFAULTS).run(ImportListener.SILENT);

    for (String table : TABLES) {
      assertThat(rows(last, table)).as(table).isEqualTo(rows(first, table)).isNotEmpty();
      assertThat(rows(middle, table)).as(table).isEqualTo(rows(first, table));
    }
  }

  @Test
  void anUnreachableSourceIsOneClearLineAndTheTargetIsUntouched() throws Exception {
    MigrationTarget target = fresh();
    MigrationTarget nowhere =
        new MigrationTarget("jdbc:postgresql://127.0.0.1:1/none", "postgres", null);

    assertThatThrownBy(() -> importer(nowhere, target, DEFAULTS).run(ImportListener.SILENT))
        .isInstanceOf(MigrationFailure.class)
        .hasMessageStartingWith(
            "cannot read the source database jdbc:postgresql://127.0.0.1:1/none")
        .hasMessageContaining("--from");
    assertThat(untouched(target)).isTrue();
  }

  @Test
  void theSameSchemaUnderAnotherUrlIsRefused() throws Exception {
    PostgresTestDatabase db = schema();
    MigrationTarget source = target(db);
    seed(source, 2);
    MigrationTarget same =
        new MigrationTarget(
            db.jdbcUrl().replace("127.0.0.1", "localhost") + "&ApplicationName=other",
            db.user(),
            db.password());

    assertThatThrownBy(() -> importer(source, same, DEFAULTS).run(ImportListener.SILENT))
        .hasMessageContaining("the same database");
  }

  private static List<String> withoutIds(List<String> rows) {
    return rows.stream().map(r -> r.replaceFirst("^id=\\S+ ", "")).sorted().toList();
  }
}
