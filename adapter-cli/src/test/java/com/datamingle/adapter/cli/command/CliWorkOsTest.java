package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.web.testing.FakeWorkOs;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the command line against one database and a local fake of WorkOS, fresh for each test:
 * the commands reach the fake through {@code WORKOS_API_BASE_URL}.
 */
abstract class CliWorkOsTest extends CliDatabaseTest {
  FakeWorkOs workos;

  CliWorkOsTest(CliDatabase.Kind kind) {
    super(kind);
  }

  @BeforeEach
  void startWorkOs() throws IOException {
    workos = new FakeWorkOs();
  }

  @AfterEach
  void stopWorkOs() {
    workos.close();
  }

  /** The database's variables and the fake's URL (without an API key: see {@link #withApiKey}). */
  @Override
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(super.env());
    env.put("WORKOS_API_BASE_URL", workos.baseUrl().toString());
    return env;
  }

  /** The environment with the API key the fake accepts. */
  static Map<String, String> withApiKey(Map<String, String> env) {
    Map<String, String> withKey = new HashMap<>(env);
    withKey.put("WORKOS_API_KEY", FakeWorkOs.API_KEY);
    return withKey;
  }
}
