package com.datamingle.application.port.in.admin;

import com.datamingle.domain.user.User;

/**
 * Use case: an admin or operator reads one user.
 *
 * @throws com.datamingle.domain.user.UserNotFound when nobody matches
 * @throws AmbiguousUserReference when an email matches several users
 */
public interface GetUserUseCase {

  User getUser(UserReference reference);
}
