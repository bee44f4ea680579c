package com.datamingle.adapter.persistence.sync;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of the WorkOS sync tables; the SQL is in WorkOsSyncMapper.xml beside it. */
interface WorkOsSyncMapper {

  int insertEventIfAbsent(
      @Param("eventId") String eventId,
      @Param("eventType") String eventType,
      @Param("receivedAt") Instant receivedAt);

  int insertStateIfAbsent(@Param("workosUserId") String workosUserId);

  SyncStateRow findState(@Param("workosUserId") String workosUserId);

  SyncStateRow findStateForUpdate(@Param("workosUserId") String workosUserId);

  int updateState(SyncStateRow row);

  String findCursor(@Param("name") String name);

  int upsertCursor(
      @Param("name") String name,
      @Param("lastEventId") String lastEventId,
      @Param("at") Instant at);

  List<String> findDeletedBefore(@Param("cutoff") Instant cutoff);

  int countEventsBefore(@Param("cutoff") Instant cutoff);

  Instant findLastEventReceivedAt();

  int deleteEventsBefore(@Param("cutoff") Instant cutoff);
}
