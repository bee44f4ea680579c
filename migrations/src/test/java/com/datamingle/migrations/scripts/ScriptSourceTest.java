package com.datamingle.migrations.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.database.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The packaged scripts, read without a database. */
class ScriptSourceTest {
  @Test
  void bothDialectsHaveTheSameMigrationIds() {
    assertThat(ScriptSource.packaged().list(Dialect.SQLITE))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(ScriptSource.packaged().list(Dialect.POSTGRESQL));
  }

  @Test
  void everyPackagedScriptHasAnUndoSection() throws IOException {
    for (Dialect dialect : Dialect.values()) {
      for (String name : ScriptSource.packaged().list(dialect)) {
        try (InputStream in = ScriptSource.packaged().open(dialect, name).orElseThrow()) {
          String text =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                  .lines()
                  .collect(Collectors.joining("\n"));
          assertThat(text).as(dialect + "/" + name).contains("-- //@UNDO");
        }
      }
    }
  }
}
