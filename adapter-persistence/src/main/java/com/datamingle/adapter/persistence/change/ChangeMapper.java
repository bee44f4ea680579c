package com.datamingle.adapter.persistence.change;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of the announcements; the SQL is in ChangeMapper.xml beside it. */
interface ChangeMapper {

  /** PostgreSQL: {@code pg_notify}, delivered to the listeners when the transaction commits. */
  String notifyChange(@Param("channel") String channel, @Param("payload") String payload);

  /** PostgreSQL: {@link #notifyChange} for each payload, in one statement. */
  List<String> notifyChanges(
      @Param("channel") String channel, @Param("payloads") String[] payloads);

  /** SQLite: a row of {@code cache_changes}, read by the server's poller once committed. */
  int insertChange(@Param("payload") String payload, @Param("at") Instant at);

  List<ChangeRow> changesAfter(@Param("after") long after, @Param("limit") int limit);

  Long lastSeq();

  int pruneChanges(@Param("before") Instant before);

  String currentSchema();
}
