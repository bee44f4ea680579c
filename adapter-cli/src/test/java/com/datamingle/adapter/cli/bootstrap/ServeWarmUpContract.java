package com.datamingle.adapter.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warm-up on a real database: it answers its own requests as a working server does, reports
 * "warming up" until it ends, and leaves no row behind (its users live in memory, its SQL writes
 * are rolled back).
 */
abstract class ServeWarmUpContract {
  @RegisterExtension final TestDatabase db;

  ServeWarmUpContract(TestDatabase db) {
    this.db = db.migrated();
  }

  /**
   * {@code auto} ends by itself: once hot, or at its cap (here the shortest a budget may be, so
   * that a machine too busy to become hot still ends the test soon).
   */
  @Test
  void autoEndsByItselfOnceHotOrAtItsCap() throws Exception {
    Clock clock = Clock.systemUTC();
    try (PersistenceModule persistence = PersistenceModule.open(db.settings(0), clock)) {
      ServeWarmUp warmUp = ServeWarmUp.begin(new WarmUpBudget(Duration.ofSeconds(3), true), clock);
      warmUp.start(persistence, WebSettings.defaults(), clock, () -> false);
      for (int i = 0; i < 1200 && !warmUp.done(); i++) {
        Thread.sleep(50);
      }

      assertThat(warmUp.done()).as("auto ended without being stopped").isTrue();
      assertThat(warmUp.stoppedBecause())
          .matches("reached its cap( before they began)?|its throughput stopped rising at .*");
      assertThat(warmUp.unexpected()).as("answers or checks not as expected").isZero();
    }
  }

  @Test
  void warmsUpThroughTheRealStackAndLeavesNoRowBehind() throws Exception {
    Clock clock = Clock.systemUTC();
    try (PersistenceModule persistence = PersistenceModule.open(db.settings(0), clock)) {
      // a long budget, ended once requests are answered: the machine may be slow or busy
      ServeWarmUp warmUp = ServeWarmUp.begin(WarmUpBudget.fixed(Duration.ofSeconds(60)), clock);
      Readiness ready = warmUp.gate(() -> new Readiness.Status(true, null));
      assertThat(ready.check()).isEqualTo(new Readiness.Status(false, "warming up"));

      warmUp.start(persistence, WebSettings.defaults(), clock, () -> false);
      for (int i = 0; i < 1200 && warmUp.answered() < 200 && !warmUp.done(); i++) {
        Thread.sleep(50);
      }
      assertThat(ready.check().detail()).isEqualTo("warming up");
      warmUp.stop();
      for (int i = 0; i < 600 && !warmUp.done(); i++) {
        Thread.sleep(50);
      }

      assertThat(warmUp.done()).as("the warm-up ended").isTrue();
      assertThat(ready.check().ready()).isTrue();
      assertThat(warmUp.answered()).as("requests answered").isGreaterThanOrEqualTo(200);
      assertThat(warmUp.signaturesChecked())
          .as("signature checks beside the requests")
          .isPositive();
      assertThat(warmUp.unexpected()).as("answers or checks not as expected").isZero();
      assertThat(warmUp.stoppedBecause()).isEqualTo("the service is stopping");
    }
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
      rs.next();
      assertThat(rs.getInt(1)).as("users rows").isZero();
    }
  }
}
