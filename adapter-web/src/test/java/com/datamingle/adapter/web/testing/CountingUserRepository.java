package com.datamingle.adapter.web.testing;

import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsUserId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps the real repository and counts the writes that reach it. */
public final class CountingUserRepository implements UserRepository {
  private final UserRepository delegate;
  private final AtomicInteger writes = new AtomicInteger();

  public CountingUserRepository(UserRepository delegate) {
    this.delegate = delegate;
  }

  public int writes() {
    return writes.get();
  }

  @Override
  public Optional<User> findById(UserId id) {
    return delegate.findById(id);
  }

  @Override
  public Optional<User> findByIdForUpdate(UserId id) {
    return delegate.findByIdForUpdate(id);
  }

  @Override
  public Optional<User> findByWorkosUserId(WorkOsUserId id) {
    return delegate.findByWorkosUserId(id);
  }

  @Override
  public Optional<User> findByWorkosUserIdForUpdate(WorkOsUserId id) {
    return delegate.findByWorkosUserIdForUpdate(id);
  }

  @Override
  public List<User> findByEmail(Email email) {
    return delegate.findByEmail(email);
  }

  @Override
  public List<User> search(UserSearch search) {
    return delegate.search(search);
  }

  @Override
  public List<UserId> lockActiveAdminIds() {
    return delegate.lockActiveAdminIds();
  }

  @Override
  public boolean insertIfAbsent(User user) {
    writes.incrementAndGet();
    return delegate.insertIfAbsent(user);
  }

  @Override
  public void update(User user) {
    writes.incrementAndGet();
    delegate.update(user);
  }

  @Override
  public boolean updateIfUnchanged(User expected, User updated) {
    writes.incrementAndGet();
    return delegate.updateIfUnchanged(expected, updated);
  }

  @Override
  public void delete(User user) {
    writes.incrementAndGet();
    delegate.delete(user);
  }
}
