package com.datamingle.adapter.cli.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.ProfileUpdate;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsUserId;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Concurrent PATCH /api/me of one user over the whole service, on each database: edits that run
 * together must not lose each other, and each answer shows its own edit.
 */
@ParameterizedClass
@EnumSource(FullStack.Database.class)
class ConcurrentProfileEditsIT {
  static final int EDITS_PER_FIELD = 40;
  @Parameter FullStack.Database database;
  @TempDir Path dir;
  FullStack app;

  @AfterEach
  void close() {
    if (app != null) {
      app.close();
    }
  }

  /**
   * One field per thread, so that a lost update shows as a field that is not its thread's last
   * value.
   */
  private record Field(String name, String prefix) {
    String value(int i) {
      return switch (name) {
        case "timezone" ->
            List.of("Europe/Paris", "Asia/Tokyo", "America/Lima", "Africa/Cairo").get(i % 4);
        case "language" -> List.of("fr", "ja", "es", "ar").get(i % 4);
        default -> prefix + i;
      };
    }
  }

  /** Once {@code go} opens, runs the step {@link #EDITS_PER_FIELD} times; what went wrong. */
  private static Future<List<String>> repeat(
      ExecutorService threads, CountDownLatch go, IntFunction<String> step) {
    return threads.submit(
        () -> {
          go.await();
          List<String> wrong = new ArrayList<>();
          for (int i = 0; i < EDITS_PER_FIELD; i++) {
            String problem = step.apply(i);
            if (problem != null) {
              wrong.add(problem);
            }
          }
          return wrong;
        });
  }

  @Test
  @Timeout(120)
  void concurrentEditsOfOneUserAreAllKeptAndEachAnswerShowsItsOwnEdit() throws Exception {
    app = FullStack.start(database, dir);
    Http http = app.http();
    List<Field> fields =
        List.of(
            new Field("first_name", "First"),
            new Field("last_name", "Last"),
            new Field("profile_picture_url", "https://img.example.com/p"),
            new Field("timezone", ""),
            new Field("language", ""));
    String token = app.signIn("user_01CONCURRENT", "concurrent@example.com");
    ExecutorService threads = Executors.newFixedThreadPool(fields.size() * 2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<String>>> problems = new ArrayList<>();
      for (Field field : fields) {
        problems.add(
            repeat(
                threads,
                go,
                i -> {
                  Http.Response r =
                      http.patch(
                          "/api/me",
                          token,
                          "{\"" + field.name() + "\":\"" + field.value(i) + "\"}");
                  if (r.status() != 200) {
                    return field.name() + " edit " + i + ": " + r.status() + " " + r.body();
                  }
                  String answered = r.json().get(field.name()).asText();
                  return answered.equals(field.value(i))
                      ? null
                      : field.name() + " edit " + i + " answered " + answered;
                }));
      }
      // readers alongside: a read never sees an error while edits commit
      for (int reader = 0; reader < fields.size(); reader++) {
        problems.add(
            repeat(
                threads,
                go,
                i -> {
                  Http.Response r = http.get("/api/me", token);
                  return r.status() == 200
                      ? null
                      : "read " + i + ": " + r.status() + " " + r.body();
                }));
      }
      go.countDown();
      for (Future<List<String>> p : problems) {
        assertThat(p.get()).isEmpty();
      }
    } finally {
      threads.shutdownNow();
    }

    JsonNode me = http.get("/api/me", token).json();
    for (Field field : fields) {
      assertThat(me.get(field.name()).asText())
          .as(field.name())
          .isEqualTo(field.value(EDITS_PER_FIELD - 1));
    }
  }

  @Test
  void anEditThisProcessHasNotSeenYetIsKeptWhenTheUserEditsRightAfter() throws Exception {
    app = FullStack.start(database, dir);
    Http http = app.http();
    String token = app.token("user_01ELSEWHERE", "elsewhere@example.com");
    assertThat(http.get("/api/me", token).status())
        .isEqualTo(200); // the first sign-in creates the user
    assertThat(http.get("/api/me", token).status())
        .isEqualTo(200); // and this process now remembers it

    // another instance of the service, on the same database, changes the last name
    try (PersistenceModule other = PersistenceModule.open(app.database(), Clock.systemUTC())) {
      User seen =
          other
              .userRepository()
              .findByWorkosUserId(new WorkOsUserId("user_01ELSEWHERE"))
              .orElseThrow();
      User renamed =
          seen.withProfile(
              ProfileUpdate.nothing().withLastName(new PersonName("Elsewhere")), Instant.now());
      other
          .unitOfWork()
          .inTransaction(
              () -> {
                other.userRepository().update(renamed);
                return null;
              });
    }

    Http.Response patched = http.patch("/api/me", token, "{\"first_name\":\"Mine\"}");

    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().get("first_name").asText()).isEqualTo("Mine");
    assertThat(patched.json().get("last_name").asText())
        .as("the other instance's edit is not overwritten")
        .isEqualTo("Elsewhere");
    try (PersistenceModule fresh = PersistenceModule.open(app.database(), Clock.systemUTC())) {
      User stored =
          fresh
              .userRepository()
              .findByWorkosUserId(new WorkOsUserId("user_01ELSEWHERE"))
              .orElseThrow();
      assertThat(stored.firstName().value()).isEqualTo("Mine");
      assertThat(stored.lastName().value()).isEqualTo("Elsewhere");
    }
  }
}
