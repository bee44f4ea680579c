package com.datamingle.migrations.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApplyLimitsTest {
  @Test
  void durationsAreReadAsOperatorsWriteThem() {
    assertThat(ApplyLimits.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(ApplyLimits.parse(" 5s ")).isEqualTo(Duration.ofSeconds(5));
    assertThat(ApplyLimits.parse("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(ApplyLimits.parse("2MIN")).isEqualTo(Duration.ofMinutes(2));
    assertThat(ApplyLimits.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(ApplyLimits.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(ApplyLimits.parse("soon")).isNull();
    assertThat(ApplyLimits.parse("-1s")).isNull();
    assertThat(ApplyLimits.parse("1.5s")).isNull();
    assertThat(ApplyLimits.parse(null)).isNull();
  }

  @Test
  void thePauseDoublesForEachRetryAndSettingsAreWholeMilliseconds() {
    ApplyLimits limits = ApplyLimits.DEFAULT.withBackoff(Duration.ofMillis(250));
    assertThat(limits.pauseBefore(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(limits.pauseBefore(3)).isEqualTo(Duration.ofMillis(1000));
    assertThat(ApplyLimits.setting(ApplyLimits.DEFAULT.lockTimeout())).isEqualTo("5000ms");
    assertThat(ApplyLimits.setting(ApplyLimits.DEFAULT.statementTimeout())).isEqualTo("0ms");
    assertThat(ApplyLimits.DEFAULT.retries()).isEqualTo(3);
  }
}
