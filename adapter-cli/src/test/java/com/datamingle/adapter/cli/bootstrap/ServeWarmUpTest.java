package com.datamingle.adapter.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.migrations.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The warm-up on SQLite, its budget's forms, when {@code auto} is hot, and that "off" reports ready
 * at once.
 */
class ServeWarmUpTest extends ServeWarmUpContract {
  ServeWarmUpTest() {
    super(TestDatabase.sqlite());
  }

  @Test
  void readsTheBudget() {
    assertThat(WarmUpBudget.parse(null, "DATAMINGLE_WARMUP", false)).isEqualTo(WarmUpBudget.AUTO);
    assertThat(WarmUpBudget.parse(" ", "DATAMINGLE_WARMUP", true)).isEqualTo(WarmUpBudget.OFF);
    assertThat(WarmUpBudget.parse("auto", "DATAMINGLE_WARMUP", true)).isEqualTo(WarmUpBudget.AUTO);
    assertThat(WarmUpBudget.AUTO.limit()).isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(WarmUpBudget.parse("off", "DATAMINGLE_WARMUP", false)).isEqualTo(WarmUpBudget.OFF);
    assertThat(WarmUpBudget.parse("0", "DATAMINGLE_WARMUP", false)).isEqualTo(WarmUpBudget.OFF);
    assertThat(WarmUpBudget.parse("3s", "DATAMINGLE_WARMUP", true))
        .isEqualTo(WarmUpBudget.fixed(Duration.ofSeconds(3)));
    assertThat(WarmUpBudget.parse("1.5s", "DATAMINGLE_WARMUP", false).limit())
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(WarmUpBudget.parse("250ms", "--warmup", false).untilHot()).isFalse();
    assertThatThrownBy(() -> WarmUpBudget.parse("soon", "--warmup", false))
        .isInstanceOf(Settings.InvalidSettings.class)
        .hasMessageStartingWith("--warmup is 'soon'; give auto");
    assertThatThrownBy(() -> WarmUpBudget.parse("-1s", "DATAMINGLE_WARMUP", false))
        .isInstanceOf(Settings.InvalidSettings.class);
    // a terminal escape in the value is not written back to the operator's terminal
    assertThatThrownBy(() -> WarmUpBudget.parse("2s\u001b[2J", "DATAMINGLE_WARMUP", false))
        .isInstanceOf(Settings.InvalidSettings.class)
        .hasMessageStartingWith("DATAMINGLE_WARMUP is not plain text; give auto")
        .hasMessageNotContaining("\u001b");
  }

  @Test
  void autoIsHotOnceItsThroughputStopsRising() {
    WarmUpBudget.Window window = new WarmUpBudget.Window();
    long[] perWindow = {500, 1500, 3000, 5000, 7000, 7100, 6900, 7050, 7000};
    int hotAt = -1;
    for (int i = 0; i < perWindow.length && hotAt < 0; i++) {
      if (window.hotAfter(perWindow[i], 0, 500)) {
        hotAt = i;
      }
    }

    assertThat(hotAt).as("the window after three without a rise").isEqualTo(7);
    assertThat(window.bestPerSecond(500)).isEqualTo(14_200);
  }

  @Test
  void autoIsNotHotWhileItsThroughputRisesTheJitCompilesOrTooFewRequestsRan() {
    WarmUpBudget.Window rising = new WarmUpBudget.Window();
    WarmUpBudget.Window compiling = new WarmUpBudget.Window();
    WarmUpBudget.Window few = new WarmUpBudget.Window();
    for (int i = 0; i < 40; i++) {
      assertThat(rising.hotAfter(Math.round(1000 * Math.pow(1.06, i)), 0, 500)).isFalse();
      assertThat(compiling.hotAfter(5000, 200, 500)).isFalse();
      assertThat(few.hotAfter(100, 0, 500)).isFalse();
    }
  }

  @Test
  void offReportsReadyAtOnce() {
    ServeWarmUp warmUp = ServeWarmUp.begin(WarmUpBudget.OFF, Clock.systemUTC());

    assertThat(warmUp.gate(() -> new Readiness.Status(true, null)).check().ready()).isTrue();
    assertThat(warmUp.gate(() -> new Readiness.Status(false, "down")).check().detail())
        .isEqualTo("down");
  }
}
