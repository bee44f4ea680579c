package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.database.MigrationFailure;
import java.util.List;
import java.util.Optional;

/**
 * serve's start-up check that the live schema is what the applied migrations make (as `db drift`
 * does). It runs while the pool, the keys and the web server are set up; serving waits for it.
 */
final class StartUpDriftCheck {
  private final InBackground<String> check;

  private StartUpDriftCheck(InBackground<String> check) {
    this.check = check;
  }

  static StartUpDriftCheck start(
      Settings settings, DatabaseMigrator migrator, NewerSchema newer, ServeOptions options) {
    return new StartUpDriftCheck(
        InBackground.start(
            "datamingle-schema-check", () -> run(settings, migrator, newer, options)));
  }

  /**
   * Null when the schema is what its migrations make; with --allow-drift, the reason /ready gives;
   * else the refusal, thrown as the check threw it.
   */
  String outcome() {
    return check.join();
  }

  private static String run(
      Settings settings, DatabaseMigrator migrator, NewerSchema newer, ServeOptions options) {
    // a schema newer than this build: what matters is whether it still has what this build uses
    Optional<NewerSchema.Verdict> verdict = newer.judge(migrator.status(), true);
    if (verdict.isPresent()) {
      if (!verdict.get().additive()) {
        throw new ServiceRefused(verdict.get().refusal());
      }
      return null;
    }
    List<String> differences;
    try {
      differences = SchemaWiring.schemaDrift(settings).sinceApplied(migrator);
    } catch (MigrationFailure e) {
      // on PostgreSQL the expected schema is built in a scratch schema, which needs CREATE on the
      // database
      options
          .say()
          .accept(
              "datamingle: WARNING the start-up schema check could not run ("
                  + e.getMessage()
                  + "); run `datamingle db drift` as a user who may create schemas, or set"
                  + " DATAMINGLE_DEV_POSTGRES_URL");
      return null;
    }
    if (differences.isEmpty()) {
      return null;
    }
    String shown =
        String.join("; ", differences.subList(0, Math.min(5, differences.size())))
            + (differences.size() > 5 ? "; and " + (differences.size() - 5) + " more" : "");
    String reason =
        "the live schema is not what its applied migrations make ("
            + differences.size()
            + " difference(s): "
            + shown
            + "); `datamingle db drift` lists them";
    if (!options.allowDrift()) {
      throw new ServiceRefused(
          "refusing to serve: "
              + reason
              + ". Fix the schema with a migration (or restore a backup),"
              + " or serve anyway with --allow-drift (/ready then answers 503)");
    }
    options
        .say()
        .accept(
            "datamingle: WARNING serving with --allow-drift: "
                + reason
                + "; /ready answers 503 until this is fixed");
    return reason;
  }
}
