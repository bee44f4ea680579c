package com.datamingle.application.service;

import com.datamingle.application.port.in.admin.GetUserUseCase;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.domain.user.User;

final class GetUserService implements GetUserUseCase {
  private final UserLookup lookup;

  GetUserService(UserLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public User getUser(UserReference reference) {
    return lookup.resolve(reference);
  }
}
