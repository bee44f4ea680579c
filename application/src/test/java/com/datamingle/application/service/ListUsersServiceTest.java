package com.datamingle.application.service;

import static com.datamingle.domain.user.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.application.port.in.admin.ListUsersUseCase.Page;
import com.datamingle.application.port.in.admin.ListUsersUseCase.Query;
import com.datamingle.application.testing.TestApplication;
import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.user.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListUsersServiceTest {
  private final TestApplication app = new TestApplication();

  @Test
  void walksAllUsersInStablePagesEvenWhileUsersAreAdded() {
    List<User> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      User u = aUser().build();
      app.users.insertIfAbsent(u);
      all.add(u);
    }

    List<User> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page page = app.services.listUsers().listUsers(new Query(null, null, null, 3, cursor));
      seen.addAll(page.users());
      cursor = page.nextCursor();
      pages++;
      if (pages == 1) {
        User late = aUser().build();
        app.users.insertIfAbsent(late);
        all.add(late);
      }
    } while (cursor != null);

    assertThat(seen).containsExactlyElementsOf(all);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void filtersByPrefixAndFlags() {
    app.users.insertIfAbsent(
        aUser().withEmail("zed@example.com").withFirstName("Grace").admin(true).build());
    app.users.insertIfAbsent(aUser().withEmail("amy@example.com").withFirstName("Zoe").build());
    app.users.insertIfAbsent(
        aUser().withEmail("bob@example.com").withFirstName("Bob").active(false).build());

    assertThat(emails(new Query("Z", null, null, 10, null)))
        .containsExactly("zed@example.com", "amy@example.com");
    assertThat(emails(new Query(null, false, null, 10, null))).containsExactly("bob@example.com");
    assertThat(emails(new Query(null, null, true, 10, null))).containsExactly("zed@example.com");
    assertThat(emails(new Query("  ", true, false, 10, null))).containsExactly("amy@example.com");
  }

  @Test
  void rejectsBadLimitsAndForeignCursors() {
    assertThatThrownBy(() -> new Query(null, null, null, 201, null))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Query(null, null, null, 0, null))
        .hasMessageContaining("between 1 and 200");
    assertThatThrownBy(
            () ->
                app.services.listUsers().listUsers(new Query(null, null, null, 10, "not-a-cursor")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("start again");
  }

  @Test
  void refusesSearchTextNoNameCanHoldNamingQ() {
    for (String text :
        List.of("a\u0000", "\u0000", "line\nbreak", "\u001b[31m", "\u0085", "broken\ud800")) {
      assertThatThrownBy(() -> new Query(text, null, null, 10, null))
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("q"));
    }
    assertThat(new Query("Zo\u00eb \ud83d\ude00", null, null, 10, null).text())
        .isEqualTo("Zo\u00eb \ud83d\ude00");
  }

  private List<String> emails(Query query) {
    return app.services.listUsers().listUsers(query).users().stream()
        .map(u -> u.email().value())
        .toList();
  }
}
