package com.datamingle.migrations.archviolation;

import com.datamingle.domain.user.User;

/** Deliberately bad: migrations that know the domain. */
public class MigrationsUseDomain {
  User user;
}
