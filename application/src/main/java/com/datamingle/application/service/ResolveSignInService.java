package com.datamingle.application.service;

import com.datamingle.application.port.in.signin.ResolveSignInUseCase;
import com.datamingle.application.port.in.signin.TokenRevoked;
import com.datamingle.application.port.in.signin.UnknownIdentity;
import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.application.port.out.IdentityProviderDirectory;
import com.datamingle.application.port.out.TokenRevocations;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.WorkOsSyncStore;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserDeactivated;
import com.datamingle.domain.user.WorkOsSyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in resolution. A token of a revoked session, or issued before its user signed out, is
 * refused first (from memory). The common case, a known user in a known session with nothing new,
 * is one read and no write. A user WorkOS deleted is never created again by a token issued before.
 * The identity provider is asked outside any transaction, so a slow provider never holds a database
 * lock.
 */
final class ResolveSignInService implements ResolveSignInUseCase {
  private final UserRepository users;
  private final WorkOsSyncStore sync;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final IdentityProviderDirectory directory;
  private final TokenRevocations revocations;
  private final Clock clock;

  ResolveSignInService(
      UserRepository users,
      WorkOsSyncStore sync,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      IdentityProviderDirectory directory,
      TokenRevocations revocations,
      Clock clock) {
    this.users = users;
    this.sync = sync;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.directory = directory;
    this.revocations = revocations;
    this.clock = clock;
  }

  @Override
  public User resolveSignIn(Command command) {
    if (revocations.refuses(command.workosUserId(), command.sessionId(), command.issuedAt())) {
      throw new TokenRevoked();
    }
    Optional<User> known = users.findByWorkosUserId(command.workosUserId());
    if (known.isPresent()) {
      User user = known.get();
      if (!user.active()) {
        throw new UserDeactivated(user.id());
      }
      if (afterSignIn(user, command, clock.instant()) == user) {
        return user;
      }
      return unitOfWork.inTransaction(() -> refresh(command));
    }
    if (sync.findState(command.workosUserId()).map(WorkOsSyncState::deleted).orElse(false)) {
      throw UnknownIdentity.deleted(command.workosUserId());
    }
    IdentityProfile profile =
        command.profile() != null
            ? command.profile()
            : directory
                .fetchProfile(command.workosUserId())
                .orElseThrow(() -> new UnknownIdentity(command.workosUserId()));
    return unitOfWork.inTransaction(
        () -> {
          Instant now = clock.instant();
          User fresh =
              User.register(ids.newUserId(), command.workosUserId(), profile, now)
                  .signedIn(command.sessionId(), now);
          if (users.insertIfAbsent(fresh)) {
            return fresh;
          }
          return refresh(
              command); // someone else created it first: treat this as a sign-in of theirs
        });
  }

  private User refresh(Command command) {
    User current =
        users
            .findByWorkosUserIdForUpdate(command.workosUserId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "user " + command.workosUserId() + " vanished during sign-in"));
    if (!current.active()) {
      throw new UserDeactivated(current.id());
    }
    User updated = afterSignIn(current, command, clock.instant());
    if (updated != current) {
      users.update(updated);
    }
    return updated;
  }

  private static User afterSignIn(User user, Command command, Instant now) {
    User synced = command.profile() == null ? user : user.syncedWith(command.profile(), now);
    return synced.signedIn(command.sessionId(), now);
  }
}
