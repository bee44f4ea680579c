package com.datamingle.adapter.persistence.user;

import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.WorkOsSyncStore;
import com.datamingle.application.testing.InMemoryUnitOfWork;
import com.datamingle.application.testing.InMemoryUserRepository;
import com.datamingle.application.testing.InMemoryWorkOsSyncStore;
import com.datamingle.application.testing.SequentialIdGenerator;

/** The contract on the application's in-memory fake, so the fake stays honest. */
class InMemoryUserRepositoryTest extends UserRepositoryContract {
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryWorkOsSyncStore sync = new InMemoryWorkOsSyncStore();
  private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork(users, sync);
  private final SequentialIdGenerator ids = new SequentialIdGenerator();

  @Override
  protected UserRepository repository() {
    return users;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  protected IdGenerator ids() {
    return ids;
  }

  @Override
  protected WorkOsSyncStore syncStore() {
    return sync;
  }

  @Override
  protected int rowCount() {
    return users.count();
  }
}
