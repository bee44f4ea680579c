package com.datamingle.application.service;

import static com.datamingle.domain.user.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.application.port.in.profile.UpdateMyProfileUseCase.Command;
import com.datamingle.application.testing.TestApplication;
import com.datamingle.domain.user.LanguagePreference;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.ProfileUpdate;
import com.datamingle.domain.user.TimeZonePreference;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserDeactivated;
import com.datamingle.domain.user.UserFixtures;
import com.datamingle.domain.user.UserNotFound;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpdateMyProfileServiceTest {
  private final TestApplication app = new TestApplication();

  @Test
  void updatesTheEditableFieldsAndStoresThem() {
    User me = aUser().withFirstName("Ada").build();
    app.users.insertIfAbsent(me);
    app.clock.advance(Duration.ofMinutes(1));

    User updated = app.services.updateMyProfile().updateMyProfile(new Command(me.id(), ProfileUpdate.nothing()
        .withFirstName(new PersonName("Augusta"))
        .withTimezone(TimeZonePreference.parse("Asia/Tokyo"))
        .withLanguage(new LanguagePreference("ja"))));

    assertThat(updated.firstName().value()).isEqualTo("Augusta");
    assertThat(updated.timezone().id()).isEqualTo("Asia/Tokyo");
    assertThat(updated.updatedAt()).isEqualTo(app.clock.instant());
    assertThat(app.services.getMyProfile().getMyProfile(me.id())).isEqualTo(updated);
  }

  @Test
  void anEmptyUpdateWritesNothing() {
    User me = aUser().build();
    app.users.insertIfAbsent(me);
    int writes = app.users.writes();

    app.services.updateMyProfile().updateMyProfile(new Command(me.id(), ProfileUpdate.nothing()));

    assertThat(app.users.writes()).isEqualTo(writes);
  }

  @Test
  void refusesUnknownAndDeactivatedUsers() {
    User off = aUser().active(false).build();
    app.users.insertIfAbsent(off);

    assertThatThrownBy(() -> app.services.updateMyProfile()
        .updateMyProfile(new Command(UserFixtures.nextUserId(), ProfileUpdate.nothing())))
        .isInstanceOf(UserNotFound.class);
    assertThatThrownBy(() -> app.services.updateMyProfile()
        .updateMyProfile(new Command(off.id(), ProfileUpdate.nothing())))
        .isInstanceOf(UserDeactivated.class);
  }
}
