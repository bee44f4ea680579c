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

  @Test
  void warmsUpThroughTheRealStackAndLeavesNoRowBehind() throws Exception {
    Clock clock = Clock.systemUTC();
    try (PersistenceModule persistence = PersistenceModule.open(db.settings(0), clock)) {
      // a long budget, ended once requests are answered: the machine may be slow or busy
      ServeWarmUp warmUp = ServeWarmUp.begin(Duration.ofSeconds(60), clock);
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
    }
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
      rs.next();
      assertThat(rs.getInt(1)).as("users rows").isZero();
    }
  }
}
