package com.datamingle.adapter.persistence.revocation;

import com.datamingle.adapter.persistence.change.Changes;
import com.datamingle.adapter.persistence.tx.Sessions;
import com.datamingle.application.port.out.TokenRevocations;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Persistence adapter: revoked sessions and sign-outs, in their tables and, for the check of every
 * request, in memory. A revocation written here is announced in its transaction and remembered here
 * once committed; one announced by another process is remembered when heard; after a reconnect
 * every row still in force is read again. Revocations are never undone, so memory only grows by
 * what is announced or read, and shrinks by what has expired.
 */
public final class RevocationStore implements TokenRevocations, Changes.Handler {
  static final String SESSION = "session";
  static final String SIGN_OUT = "signout";

  private record SignOut(Instant at, Instant forgetAfter) {}

  private final Sessions sessions;
  private final Changes changes;
  private final Clock clock;
  private final Map<String, Instant> revokedSessions = new ConcurrentHashMap<>();
  private final Map<String, SignOut> signOuts = new ConcurrentHashMap<>();

  public RevocationStore(Sessions sessions, Changes changes, Clock clock) {
    this.sessions = sessions;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public boolean refuses(WorkOsUserId user, String sessionId, Instant issuedAt) {
    if (revokedSessions.isEmpty() && signOuts.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    Instant forgetAfter = revokedSessions.get(sessionId);
    if (forgetAfter != null && forgetAfter.isAfter(now)) {
      return true;
    }
    SignOut signOut = signOuts.get(user.value());
    // iat has whole seconds: a token of the sign-out's own second is refused too
    return signOut != null
        && issuedAt != null
        && signOut.forgetAfter().isAfter(now)
        && !issuedAt.isAfter(signOut.at().truncatedTo(ChronoUnit.SECONDS));
  }

  @Override
  public void revokeSession(WorkOsUserId user, String sessionId, Instant revokedAt) {
    Instant forgetAfter = TokenRevocations.rememberUntil(revokedAt);
    sessions.withMapper(
        RevocationMapper.class,
        m -> m.upsertRevokedSession(sessionId, user.value(), revokedAt, forgetAfter));
    changes.announce(SESSION, sessionId, Long.toString(forgetAfter.toEpochMilli()));
    sessions.afterTransaction(
        committed -> {
          if (committed) {
            rememberSession(sessionId, forgetAfter);
          }
        });
  }

  @Override
  public void signOut(WorkOsUserId user, Instant signedOutAt) {
    Instant forgetAfter = TokenRevocations.rememberUntil(signedOutAt);
    sessions.withMapper(
        RevocationMapper.class, m -> m.upsertSignOut(user.value(), signedOutAt, forgetAfter));
    changes.announce(
        SIGN_OUT,
        user.value(),
        Long.toString(signedOutAt.toEpochMilli()),
        Long.toString(forgetAfter.toEpochMilli()));
    sessions.afterTransaction(
        committed -> {
          if (committed) {
            rememberSignOut(user.value(), new SignOut(signedOutAt, forgetAfter));
          }
        });
  }

  @Override
  public void changed(String kind, String[] args) {
    if (SESSION.equals(kind) && args.length == 2) {
      rememberSession(args[0], Instant.ofEpochMilli(Long.parseLong(args[1])));
    } else if (SIGN_OUT.equals(kind) && args.length == 3) {
      rememberSignOut(
          args[0],
          new SignOut(
              Instant.ofEpochMilli(Long.parseLong(args[1])),
              Instant.ofEpochMilli(Long.parseLong(args[2]))));
    }
  }

  @Override
  public void missedSome() {
    reload();
  }

  /** Reads every revocation still in force, and forgets the expired ones in memory. */
  public void reload() {
    Instant now = clock.instant();
    List<RevocationRow> revoked =
        sessions.withMapper(RevocationMapper.class, m -> m.findRevokedSessions(now));
    List<RevocationRow> signedOut =
        sessions.withMapper(RevocationMapper.class, m -> m.findSignOuts(now));
    revoked.forEach(row -> rememberSession(row.key(), row.forgetAfter()));
    signedOut.forEach(row -> rememberSignOut(row.key(), new SignOut(row.at(), row.forgetAfter())));
    forgetExpiredInMemory(now);
  }

  /** Removes the revocations no valid token can meet any more, here and in the database. */
  public void forgetExpired() {
    Instant now = clock.instant();
    forgetExpiredInMemory(now);
    sessions.withMapper(RevocationMapper.class, m -> m.deleteRevokedSessionsBefore(now));
    sessions.withMapper(RevocationMapper.class, m -> m.deleteSignOutsBefore(now));
  }

  private void forgetExpiredInMemory(Instant now) {
    revokedSessions.values().removeIf(forgetAfter -> !forgetAfter.isAfter(now));
    signOuts.values().removeIf(signOut -> !signOut.forgetAfter().isAfter(now));
  }

  private void rememberSession(String sessionId, Instant forgetAfter) {
    revokedSessions.merge(sessionId, forgetAfter, (a, b) -> a.isAfter(b) ? a : b);
  }

  private void rememberSignOut(String user, SignOut signOut) {
    signOuts.merge(user, signOut, (a, b) -> a.at().isAfter(b.at()) ? a : b);
  }
}
