package com.datamingle.application.testing;

import com.datamingle.application.service.ApplicationServices;
import com.datamingle.domain.user.UserFixtures;

/** The real application services over in-memory fakes of every outbound port. */
public final class TestApplication {
  public final InMemoryUserRepository users = new InMemoryUserRepository();
  public final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork(users);
  public final FakeIdentityProviderDirectory directory = new FakeIdentityProviderDirectory();
  public final MutableClock clock = new MutableClock(UserFixtures.T0);
  public final ApplicationServices services =
      ApplicationServices.create(users, unitOfWork, new SequentialIdGenerator(), directory, clock);
}
