package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationStatus;
import com.datamingle.migrations.autogen.SchemaCompatibility;
import com.datamingle.migrations.database.MigrationFailure;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database whose schema is newer than this build: it records migrations that this build has no
 * script for, all newer than its own scripts (a rolling deploy, where a newer version migrated
 * first). This build keeps serving when they only added to the schema it uses ({@link
 * SchemaCompatibility}), and says so; otherwise serve refuses to start and {@code /ready} answers
 * 503. Judging builds this build's schema in a scratch database, so it is done once per set of
 * unknown migrations, at start-up or when a running instance first sees them.
 */
final class NewerSchema {
  private static final Logger LOG = LoggerFactory.getLogger("schema");

  private final SchemaCompatibility compatibility;
  private final DatabaseMigrator migrator;
  private Verdict last;
  private List<String> failedFor = List.of();

  NewerSchema(SchemaCompatibility compatibility, DatabaseMigrator migrator) {
    this.compatibility = compatibility;
    this.migrator = migrator;
  }

  /**
   * What the newer migrations mean for this build.
   *
   * @param unknown the migrations the database records that this build does not know
   * @param breaking what in the schema this build uses they changed; empty when they only added
   * @param newestKnown the newest migration this build knows (null: none)
   */
  record Verdict(List<MigrationEntry> unknown, List<String> breaking, String newestKnown) {
    boolean additive() {
      return breaking.isEmpty();
    }

    String names() {
      return String.join(", ", unknown.stream().map(MigrationEntry::label).toList());
    }

    private String newer() {
      return "the database schema is newer than this version of datamingle: it has "
          + unknown.size()
          + " migration(s) this version does not know ("
          + names()
          + ")";
    }

    /** The WARN line when additive. */
    String warning() {
      return newer()
          + ", which only add to the schema this version uses, so it keeps serving; deploy the"
          + " newer version to finish the rollout";
    }

    /** Why serve will not start (not additive). */
    String refusal() {
      return "refusing to serve: "
          + newer()
          + ", and they changed what this version uses: "
          + String.join("; ", breaking)
          + ". Deploy the newer version that applied them, or take the schema back first by"
          + " running that newer version's `datamingle db downgrade "
          + (newestKnown == null ? "base" : newestKnown)
          + "`";
    }

    /** What /ready says. */
    String readyDetail() {
      return additive()
          ? "the schema is newer than this version (" + names() + "); the change is additive"
          : "the schema is newer than this version and incompatible with it ("
              + String.join("; ", breaking)
              + "); deploy the newer version";
    }
  }

  /**
   * Empty when the database records no migration newer than this build's scripts; else the verdict
   * on them. A new verdict is logged: WARN when additive; ERROR when not, unless {@code startingUp}
   * (serve then refuses with {@link Verdict#refusal}).
   */
  synchronized Optional<Verdict> judge(MigrationStatus status, boolean startingUp) {
    List<MigrationEntry> unknown = status.newerThanScripts();
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    List<String> ids = unknown.stream().map(MigrationEntry::id).toList();
    if (last != null && last.unknown().stream().map(MigrationEntry::id).toList().equals(ids)) {
      return Optional.of(last);
    }
    String newestKnown =
        status.withState(MigrationEntry.State.APPLIED).stream()
            .reduce((a, b) -> b)
            .map(MigrationEntry::id)
            .orElse(null);
    try {
      last = new Verdict(unknown, compatibility.breaking(migrator, newestKnown), newestKnown);
    } catch (MigrationFailure e) {
      // not remembered: the next /ready tries again; logged once per set of migrations
      Verdict unknowable =
          new Verdict(
              unknown,
              List.of(
                  "this version cannot tell whether the change is additive ("
                      + e.getMessage()
                      + "; the check needs to create a scratch schema: grant CREATE on the"
                      + " database or set DATAMINGLE_DEV_POSTGRES_URL)"),
              newestKnown);
      if (!startingUp && !ids.equals(failedFor)) {
        LOG.error("/ready answers 503: " + unknowable.readyDetail());
      }
      failedFor = ids;
      return Optional.of(unknowable);
    }
    if (last.additive()) {
      LOG.warn(last.warning());
    } else if (!startingUp) {
      LOG.error(
          "/ready answers 503 from now on: "
              + last.readyDetail()
              + "; the migrations this version does not know: "
              + last.names());
    }
    return Optional.of(last);
  }
}
