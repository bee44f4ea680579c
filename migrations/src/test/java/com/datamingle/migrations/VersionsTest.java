package com.datamingle.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.scripts.ScriptSource;
import com.datamingle.migrations.testing.DatabaseContract;
import com.datamingle.migrations.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DatabaseMigrator#versions}, the check without checksums: the same states as {@link
 * DatabaseMigrator#status}, on a SQLite file.
 */
class VersionsTest extends DatabaseContract {
  static final String USERS = "20261124000002";

  @TempDir Path scriptsRoot;

  VersionsTest() {
    super(TestDatabase.sqlite());
  }

  static List<String> states(MigrationStatus status) {
    return status.entries().stream().map(e -> e.id() + " " + e.state()).toList();
  }

  @Test
  void behindHeadIsNotAtHead() {
    packaged().upgrade(USERS, null);

    MigrationStatus versions = packaged().versions();

    assertThat(versions.atHead()).isFalse();
    assertThat(versions.current().orElseThrow().id()).isEqualTo(USERS);
    assertThat(states(versions)).isEqualTo(states(packaged().status()));
  }

  @Test
  void aheadOfHeadIsNotAtHead() throws Exception {
    Path dir = Files.createDirectories(scriptsRoot.resolve(target().dialect().id()));
    for (String name : ScriptSource.packaged().list(target().dialect())) {
      try (var in = ScriptSource.packaged().open(target().dialect(), name).orElseThrow()) {
        Files.copy(in, dir.resolve(name));
      }
    }
    Files.writeString(
        dir.resolve("20991231000000_newer.sql"),
        "-- // newer\nCREATE TABLE newer_t (id INTEGER);\n-- //@UNDO\nDROP TABLE newer_t;\n");
    DatabaseMigrator.create(target(), ScriptSource.directory(scriptsRoot)).upgrade(null, null);

    MigrationStatus versions = packaged().versions();

    assertThat(versions.atHead()).isFalse();
    assertThat(versions.newerThanScripts())
        .extracting(MigrationEntry::id)
        .containsExactly("20991231000000");
    assertThat(states(versions)).isEqualTo(states(packaged().status()));
  }

  @Test
  void atHeadIsAtHeadWithoutReadingChecksums() {
    packaged().upgrade(null, null);

    MigrationStatus versions = packaged().versions();

    assertThat(versions.atHead()).isTrue();
    assertThat(versions.entries()).allMatch(e -> e.scriptChecksum() == null);
    assertThat(packaged().status().entries()).allMatch(e -> e.scriptChecksum() != null);
  }
}
