package com.datamingle.migrations.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationFailureTest {
  @Test
  void aDriversMultiLineMessageIsQuotedAsOneLine() {
    assertThat(
            MigrationFailure.oneLine(
                "ERROR: relation \"x\" does not exist\n  Hint: create it\r\n  Position: 15\n"))
        .isEqualTo("ERROR: relation \"x\" does not exist; Hint: create it; Position: 15");
    assertThat(MigrationFailure.oneLine(null)).isEqualTo("no message");
    assertThat(MigrationFailure.oneLine("x".repeat(1000))).hasSize(403);
  }
}
