package com.datamingle.adapter.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.migrations.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The warm-up on SQLite, its budget's forms, and that "off" reports ready at once. */
class ServeWarmUpTest extends ServeWarmUpContract {
  ServeWarmUpTest() {
    super(TestDatabase.sqlite());
  }

  @Test
  void readsTheBudget() {
    assertThat(ServeWarmUp.budget(null, "DATAMINGLE_WARMUP")).isEqualTo(Duration.ofSeconds(2));
    assertThat(ServeWarmUp.budget("off", "DATAMINGLE_WARMUP")).isZero();
    assertThat(ServeWarmUp.budget("0", "DATAMINGLE_WARMUP")).isZero();
    assertThat(ServeWarmUp.budget("3s", "DATAMINGLE_WARMUP")).isEqualTo(Duration.ofSeconds(3));
    assertThat(ServeWarmUp.budget("1.5s", "DATAMINGLE_WARMUP")).isEqualTo(Duration.ofMillis(1500));
    assertThat(ServeWarmUp.budget("250ms", "--warmup")).isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(() -> ServeWarmUp.budget("soon", "--warmup"))
        .isInstanceOf(Settings.InvalidSettings.class)
        .hasMessageStartingWith("--warmup is 'soon'; give how long serve may warm up");
    assertThatThrownBy(() -> ServeWarmUp.budget("-1s", "DATAMINGLE_WARMUP"))
        .isInstanceOf(Settings.InvalidSettings.class);
  }

  @Test
  void offReportsReadyAtOnce() {
    ServeWarmUp warmUp = ServeWarmUp.begin(Duration.ZERO, Clock.systemUTC());

    assertThat(warmUp.gate(() -> new Readiness.Status(true, null)).check().ready()).isTrue();
    assertThat(warmUp.gate(() -> new Readiness.Status(false, "down")).check().detail())
        .isEqualTo("down");
  }
}
