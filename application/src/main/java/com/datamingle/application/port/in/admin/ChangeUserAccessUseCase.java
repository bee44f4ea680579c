package com.datamingle.application.port.in.admin;

import com.datamingle.domain.user.User;
import java.util.Objects;

/**
 * Use case: activate or deactivate a user, promote or demote an admin. The last active admin can
 * never be deactivated or demoted.
 *
 * @throws com.datamingle.domain.user.LastActiveAdmin when the change would leave no active admin
 * @throws com.datamingle.domain.user.UserNotFound when nobody matches
 */
public interface ChangeUserAccessUseCase {

  User changeUserAccess(Command command);

  /** {@code active} and {@code admin} are the wanted values; null leaves a flag as it is. */
  record Command(UserReference user, Boolean active, Boolean admin) {
    public Command {
      Objects.requireNonNull(user, "user");
    }
  }
}
