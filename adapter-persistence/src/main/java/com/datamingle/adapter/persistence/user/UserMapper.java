package com.datamingle.adapter.persistence.user;

import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of the {@code users} table; the SQL is in UserMapper.xml beside it. */
interface UserMapper {

  UserRow findById(@Param("id") UUID id);

  UserRow findByIdForUpdate(@Param("id") UUID id);

  UserRow findByWorkosUserId(@Param("workosUserId") String workosUserId);

  UserRow findByWorkosUserIdForUpdate(@Param("workosUserId") String workosUserId);

  List<UserRow> findByEmail(@Param("email") String email);

  int insertIfAbsent(UserRow row);

  /** {@code rows} on SQLite, the same rows as {@code columns} on PostgreSQL. */
  List<UUID> insertAllIfAbsent(
      @Param("rows") List<UserRow> rows, @Param("columns") UserColumns columns);

  int update(UserRow row);

  int updateIfUnchanged(@Param("expected") UserRow expected, @Param("updated") UserRow updated);

  /**
   * {@code writes} on SQLite, the same writes as {@code expected} and {@code updated} on
   * PostgreSQL.
   */
  List<UUID> updateAllIfUnchanged(
      @Param("writes") List<RowUpdate> writes,
      @Param("expected") UserColumns expected,
      @Param("updated") UserColumns updated);

  /** One optimistic write: {@code updated} over the row only if it still is {@code expected}. */
  record RowUpdate(UserRow expected, UserRow updated) {}

  int delete(@Param("id") UUID id);

  List<UserRow> search(
      @Param("pattern") String pattern,
      @Param("active") Boolean active,
      @Param("admin") Boolean admin,
      @Param("after") UUID after,
      @Param("limit") int limit);

  List<UUID> lockActiveAdminIds();
}
