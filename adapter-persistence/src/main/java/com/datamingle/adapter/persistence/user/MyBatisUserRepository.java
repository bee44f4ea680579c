package com.datamingle.adapter.persistence.user;

import com.datamingle.adapter.persistence.tx.Sessions;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserRepository.OptimisticUpdate;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsUserId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Persistence adapter: users via MyBatis. */
final class MyBatisUserRepository implements UserRepository {
  private final Sessions sessions;

  MyBatisUserRepository(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public Optional<User> findById(UserId id) {
    return one(sessions.withMapper(UserMapper.class, m -> m.findById(id.value())));
  }

  @Override
  public Optional<User> findByIdForUpdate(UserId id) {
    return one(sessions.withMapper(UserMapper.class, m -> m.findByIdForUpdate(id.value())));
  }

  @Override
  public Optional<User> findByWorkosUserId(WorkOsUserId workosUserId) {
    return one(
        sessions.withMapper(UserMapper.class, m -> m.findByWorkosUserId(workosUserId.value())));
  }

  @Override
  public Optional<User> findByWorkosUserIdForUpdate(WorkOsUserId workosUserId) {
    return one(
        sessions.withMapper(
            UserMapper.class, m -> m.findByWorkosUserIdForUpdate(workosUserId.value())));
  }

  @Override
  public List<User> findByEmail(Email email) {
    return sessions.withMapper(UserMapper.class, m -> m.findByEmail(email.value())).stream()
        .map(UserRow::toDomain)
        .toList();
  }

  @Override
  public boolean insertIfAbsent(User user) {
    return sessions.withMapper(UserMapper.class, m -> m.insertIfAbsent(UserRow.from(user))) == 1;
  }

  @Override
  public Set<UserId> insertAllIfAbsent(List<User> users) {
    if (users.isEmpty()) {
      return Set.of();
    }
    List<UserRow> rows = users.stream().map(UserRow::from).toList();
    Set<UserId> inserted = new HashSet<>();
    // each database's statement reads one shape: rows on SQLite, arrays of columns on PostgreSQL
    boolean postgres = sessions.postgres();
    List<UserRow> asRows = postgres ? null : rows;
    UserColumns columns = postgres ? UserColumns.of(rows) : null;
    for (UUID id :
        sessions.withMapper(UserMapper.class, m -> m.insertAllIfAbsent(asRows, columns))) {
      inserted.add(new UserId(id));
    }
    return inserted;
  }

  @Override
  public void update(User user) {
    int rows = sessions.withMapper(UserMapper.class, m -> m.update(UserRow.from(user)));
    if (rows != 1) {
      throw new IllegalStateException("update of user " + user.id() + " touched " + rows + " rows");
    }
  }

  @Override
  public boolean updateIfUnchanged(User expected, User updated) {
    if (!expected.id().equals(updated.id())) {
      throw new IllegalArgumentException(
          "expected and updated are different users: " + expected.id() + ", " + updated.id());
    }
    int rows =
        sessions.withMapper(
            UserMapper.class,
            m -> m.updateIfUnchanged(UserRow.from(expected), UserRow.from(updated)));
    return rows == 1;
  }

  @Override
  public Set<UserId> updateAllIfUnchanged(List<OptimisticUpdate> updates) {
    if (updates.isEmpty()) {
      return Set.of();
    }
    List<UserMapper.RowUpdate> writes =
        updates.stream()
            .map(
                u ->
                    new UserMapper.RowUpdate(UserRow.from(u.expected()), UserRow.from(u.updated())))
            .toList();
    // each database's statement reads one shape: row pairs on SQLite, arrays of columns on
    // PostgreSQL
    boolean postgres = sessions.postgres();
    List<UserMapper.RowUpdate> pairs = postgres ? null : writes;
    UserColumns before =
        postgres
            ? UserColumns.of(writes.stream().map(UserMapper.RowUpdate::expected).toList())
            : null;
    UserColumns after =
        postgres
            ? UserColumns.of(writes.stream().map(UserMapper.RowUpdate::updated).toList())
            : null;
    Set<UserId> written = new HashSet<>();
    for (UUID id :
        sessions.withMapper(UserMapper.class, m -> m.updateAllIfUnchanged(pairs, before, after))) {
      written.add(new UserId(id));
    }
    return written;
  }

  @Override
  public void delete(User user) {
    int rows = sessions.withMapper(UserMapper.class, m -> m.delete(user.id().value()));
    if (rows != 1) {
      throw new IllegalStateException("delete of user " + user.id() + " touched " + rows + " rows");
    }
  }

  @Override
  public List<User> search(UserSearch search) {
    String pattern = search.prefix() == null ? null : likePrefix(search.prefix());
    UUID after = search.after() == null ? null : search.after().value();
    return sessions
        .withMapper(
            UserMapper.class,
            m -> m.search(pattern, search.active(), search.admin(), after, search.limit()))
        .stream()
        .map(UserRow::toDomain)
        .toList();
  }

  @Override
  public List<UserId> lockActiveAdminIds() {
    return sessions.withMapper(UserMapper.class, UserMapper::lockActiveAdminIds).stream()
        .map(UserId::new)
        .toList();
  }

  /** {@code abc} → {@code abc%}, with LIKE's wildcards in the text escaped. */
  static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static Optional<User> one(UserRow row) {
    return Optional.ofNullable(row).map(UserRow::toDomain);
  }
}
