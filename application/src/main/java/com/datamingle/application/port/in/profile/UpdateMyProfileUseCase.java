package com.datamingle.application.port.in.profile;

import com.datamingle.domain.user.ProfileUpdate;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import java.util.Objects;

/** Use case: the signed-in user changes their names, picture, time zone or language. */
public interface UpdateMyProfileUseCase {

  User updateMyProfile(Command command);

  record Command(UserId me, ProfileUpdate update) {
    public Command {
      Objects.requireNonNull(me, "me");
      Objects.requireNonNull(update, "update");
    }
  }
}
