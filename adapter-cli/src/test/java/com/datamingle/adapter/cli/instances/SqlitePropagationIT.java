package com.datamingle.adapter.cli.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.command.CliRun;
import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.adapter.web.testing.Http;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite, one server: what an operator's command changes while {@code serve} runs reaches the
 * server (the {@code cache_changes} poll), well before the 30 s a listening server caches a user.
 */
class SqlitePropagationIT {
  @TempDir Path dir;

  @Test
  void cliDeactivationAndSignOutReachARunningServer() throws Exception {
    try (FakeWorkOs workos = new FakeWorkOs()) {
      Map<String, String> env = new HashMap<>();
      env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite").toAbsolutePath());
      env.put("BIND_ADDRESS", "127.0.0.1");
      env.put("WORKOS_CLIENT_ID", "client_TEST");
      env.put("WORKOS_ISSUERS", FakeWorkOs.ISSUER);
      env.put("WORKOS_JWKS_URL", workos.jwksUrl().toString());
      env.put("WORKOS_API_BASE_URL", workos.baseUrl().toString());
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Map<String, String> serveEnv = new HashMap<>(env);
      serveEnv.put("PORT", Integer.toString(port));
      ProcessBuilder builder = ServeInstances.jar(dir, serveEnv, "serve", "--migrate");
      Path out = dir.resolve("serve.out.log");
      Path err = dir.resolve("serve.err.log");
      ServeInstance serve =
          new ServeInstance(
              "sqlite",
              port,
              builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(),
              out,
              err);
      try {
        serve.awaitReady();
        assertThat(serve.get("/ready", null).json().get("detail").asText())
            .isEqualTo("invalidation: live");
        String token = workos.token("user_01LITE", "lite@example.com", "session_01LITE");
        assertThat(serve.get("/api/me", token).status()).as(serve.logs()).isEqualTo(200);

        CliRun off = CliRun.run(env, "users", "deactivate", "lite@example.com");
        assertThat(off.exitCode()).as(off.err()).isZero();
        awaitStatus(serve, token, 403);

        assertThat(CliRun.run(env, "users", "activate", "lite@example.com").exitCode()).isZero();
        awaitStatus(serve, token, 200);

        CliRun signOut = CliRun.run(env, "users", "sign-out", "lite@example.com");
        assertThat(signOut.exitCode()).as(signOut.err()).isZero();
        assertThat(signOut.out()).contains("signed out: lite@example.com");
        awaitStatus(serve, token, 401);
      } finally {
        serve.process().destroy();
        serve.stop(Duration.ofSeconds(20));
      }
    }
  }

  static void awaitStatus(ServeInstance serve, String token, int status) {
    long deadline = System.nanoTime() + PropagationIT.TIMEOUT_MS * 1_000_000;
    Http.Response last = null;
    while (System.nanoTime() - deadline < 0) {
      last = serve.get("/api/me", token);
      if (last.status() == status) {
        return;
      }
      PropagationIT.sleep(20);
    }
    throw new AssertionError(
        "expected " + status + ", last " + last.status() + " " + last.body() + serve.logs());
  }
}
