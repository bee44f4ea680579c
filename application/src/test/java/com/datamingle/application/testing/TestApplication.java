package com.datamingle.application.testing;

import com.datamingle.application.service.ApplicationServices;
import com.datamingle.domain.user.UserFixtures;

/** The real application services over in-memory fakes of every outbound port. */
public final class TestApplication {
  public final InMemoryUserRepository users = new InMemoryUserRepository();
  public final InMemoryWorkOsSyncStore sync = new InMemoryWorkOsSyncStore();
  public final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork(users, sync);
  public final FakeIdentityProviderDirectory directory = new FakeIdentityProviderDirectory();
  public final FakeWorkOsEventFeed feed = new FakeWorkOsEventFeed();
  public final MutableClock clock = new MutableClock(UserFixtures.T0);
  public final InMemoryTokenRevocations revocations = new InMemoryTokenRevocations();
  public final FakeIdentityProviderSessions providerSessions = new FakeIdentityProviderSessions();
  public final ApplicationServices services =
      ApplicationServices.create(
          new ApplicationServices.Ports(
              users, sync, unitOfWork, new SequentialIdGenerator(), revocations),
          directory,
          feed,
          providerSessions,
          clock);
}
