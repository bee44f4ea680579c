package com.datamingle.application.port.in.profile;

import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;

/** Use case: reads the signed-in user's own profile. */
public interface GetMyProfileUseCase {

  User getMyProfile(UserId me);
}
