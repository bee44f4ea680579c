package com.datamingle.adapter.persistence.revocation;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of revoked sessions and sign-outs; the SQL is in RevocationMapper.xml. */
interface RevocationMapper {

  int upsertRevokedSession(
      @Param("sessionId") String sessionId,
      @Param("workosUserId") String workosUserId,
      @Param("revokedAt") Instant revokedAt,
      @Param("forgetAfter") Instant forgetAfter);

  int upsertSignOut(
      @Param("workosUserId") String workosUserId,
      @Param("signedOutAt") Instant signedOutAt,
      @Param("forgetAfter") Instant forgetAfter);

  List<RevocationRow> findRevokedSessions(@Param("now") Instant now);

  List<RevocationRow> findSignOuts(@Param("now") Instant now);

  int deleteRevokedSessionsBefore(@Param("now") Instant now);

  int deleteSignOutsBefore(@Param("now") Instant now);
}
