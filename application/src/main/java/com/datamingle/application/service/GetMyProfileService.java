package com.datamingle.application.service;

import com.datamingle.application.port.in.profile.GetMyProfileUseCase;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;

final class GetMyProfileService implements GetMyProfileUseCase {
  private final UserLookup lookup;

  GetMyProfileService(UserLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public User getMyProfile(UserId me) {
    return lookup.byId(me);
  }
}
