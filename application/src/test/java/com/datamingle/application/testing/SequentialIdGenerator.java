package com.datamingle.application.testing;

import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.domain.user.UserFixtures;
import com.datamingle.domain.user.UserId;

/** Ids in creation order, as production's time-ordered ids are. */
public class SequentialIdGenerator implements IdGenerator {
  @Override
  public UserId newUserId() {
    return UserFixtures.nextUserId();
  }
}
