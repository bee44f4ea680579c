package com.datamingle.application.service;

import com.datamingle.application.port.in.admin.AmbiguousUserReference;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.UserNotFound;
import java.util.List;

/** Turns a reference into exactly one user, or the failure that says why not. */
final class UserLookup {
  private final UserRepository users;

  UserLookup(UserRepository users) {
    this.users = users;
  }

  User byId(UserId id) {
    return users.findById(id).orElseThrow(() -> new UserNotFound(id.toString()));
  }

  User byIdForUpdate(UserId id) {
    return users.findByIdForUpdate(id).orElseThrow(() -> new UserNotFound(id.toString()));
  }

  User resolve(UserReference reference) {
    if (reference instanceof UserReference.ById byId) {
      return byId(byId.id());
    }
    if (reference instanceof UserReference.ByWorkosUserId byWorkos) {
      return users
          .findByWorkosUserId(byWorkos.workosUserId())
          .orElseThrow(() -> new UserNotFound(reference.toString()));
    }
    List<User> matches = users.findByEmail(((UserReference.ByEmail) reference).email());
    if (matches.isEmpty()) {
      throw new UserNotFound(reference.toString());
    }
    if (matches.size() > 1) {
      throw new AmbiguousUserReference(reference, matches.size());
    }
    return matches.get(0);
  }
}
