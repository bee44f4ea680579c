package com.datamingle.application.service;

import static com.datamingle.domain.user.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.application.port.in.admin.AmbiguousUserReference;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase.Command;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.application.testing.TestApplication;
import com.datamingle.domain.user.LastActiveAdmin;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserNotFound;
import org.junit.jupiter.api.Test;

class ChangeUserAccessServiceTest {
  private final TestApplication app = new TestApplication();

  private User change(User user, Boolean active, Boolean admin) {
    return app.services
        .changeUserAccess()
        .changeUserAccess(new Command(new UserReference.ById(user.id()), active, admin));
  }

  @Test
  void promotesByEmailAndDemotesByWorkosId() {
    User first = aUser().withEmail("first@example.com").withWorkosUserId("user_01FIRST").build();
    User second = aUser().withEmail("second@example.com").admin(true).build();
    app.users.insertIfAbsent(first);
    app.users.insertIfAbsent(second);

    User promoted =
        app.services
            .changeUserAccess()
            .changeUserAccess(new Command(UserReference.parse("FIRST@example.com"), null, true));
    User demoted =
        app.services
            .changeUserAccess()
            .changeUserAccess(new Command(UserReference.parse("user_01FIRST"), null, false));

    assertThat(promoted.admin()).isTrue();
    assertThat(demoted.admin()).isFalse();
  }

  @Test
  void theLastActiveAdminCanBeNeitherDemotedNorDeactivated() {
    User admin = aUser().admin(true).build();
    User inactiveAdmin = aUser().admin(true).active(false).build();
    app.users.insertIfAbsent(admin);
    app.users.insertIfAbsent(inactiveAdmin);

    assertThatThrownBy(() -> change(admin, null, false))
        .isInstanceOf(LastActiveAdmin.class)
        .hasMessageContaining("promote another user");
    assertThatThrownBy(() -> change(admin, false, null)).isInstanceOf(LastActiveAdmin.class);
    assertThat(app.users.findById(admin.id()).orElseThrow().isActiveAdmin()).isTrue();
  }

  @Test
  void anAdminCanStepDownOnceAnotherActiveAdminExists() {
    User admin = aUser().admin(true).build();
    User other = aUser().build();
    app.users.insertIfAbsent(admin);
    app.users.insertIfAbsent(other);

    change(other, null, true);
    User steppedDown = change(admin, false, false);

    assertThat(steppedDown.active()).isFalse();
    assertThat(steppedDown.admin()).isFalse();
  }

  @Test
  void deactivatingAnOrdinaryUserNeedsNoAdminCheckAndIsIdempotent() {
    User user = aUser().build();
    app.users.insertIfAbsent(user);

    User off = change(user, false, null);
    int writes = app.users.writes();
    change(user, false, null);

    assertThat(off.active()).isFalse();
    assertThat(app.users.writes()).isEqualTo(writes);
  }

  @Test
  void reportsUnknownAndAmbiguousReferences() {
    app.users.insertIfAbsent(aUser().withEmail("twin@example.com").build());
    app.users.insertIfAbsent(aUser().withEmail("twin@example.com").build());

    assertThatThrownBy(
            () -> app.services.getUser().getUser(UserReference.parse("nobody@example.com")))
        .isInstanceOf(UserNotFound.class);
    assertThatThrownBy(
            () -> app.services.getUser().getUser(UserReference.parse("twin@example.com")))
        .isInstanceOf(AmbiguousUserReference.class)
        .hasMessageContaining("by id or WorkOS user id");
    assertThatThrownBy(() -> UserReference.parse("42")).hasMessageContaining("neither");
    // a control character is refused without being written back
    assertThatThrownBy(() -> UserReference.parse("a\u001b[2Jb@example.com"))
        .hasMessageContaining("control characters")
        .hasMessageNotContaining("\u001b");
  }
}
