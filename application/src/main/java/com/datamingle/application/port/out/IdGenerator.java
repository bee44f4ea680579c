package com.datamingle.application.port.out;

import com.datamingle.domain.user.UserId;

/** Outbound port: hands out new user ids, in creation order. */
public interface IdGenerator {

  UserId newUserId();
}
