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
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsSyncState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in resolution. A token of a revoked session, or issued before its user signed out, is
 * refused first (from memory). The common case, a known user in a known session with nothing new,
 * is one read and no write. A user WorkOS deleted is never created again by a token issued before.
 * The identity provider is asked outside any transaction, so a slow provider never holds a database
 * lock.
 *
 * <p>First sign-ins of different users that arrive together are inserted by one statement in one
 * shared transaction ({@link SharedTransactions}); each caller returns once its row is committed. A
 * new session of a known user (its last sign-in time and session id, which its next token would
 * write again) is committed without waiting for the database to make it durable.
 */
final class ResolveSignInService implements ResolveSignInUseCase {
  /** At most this many first sign-ins share a transaction. */
  static final int MAX_SHARED_FIRST_SIGN_INS = 64;

  private final UserRepository users;
  private final WorkOsSyncStore sync;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final IdentityProviderDirectory directory;
  private final TokenRevocations revocations;
  private final Clock clock;
  private final SharedTransactions<FirstSignIn, User> firstSignIns;

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
    this.firstSignIns =
        new SharedTransactions<>(
            unitOfWork,
            MAX_SHARED_FIRST_SIGN_INS,
            signIn -> signIn.command().workosUserId(),
            this::insertTogether,
            this::insertAlone);
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
      return unitOfWork.inRederivableTransaction(() -> refresh(command));
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
    return firstSignIns.submit(new FirstSignIn(command, profile));
  }

  /** Inserts the users of first sign-ins that arrived together, in one statement. */
  private void insertTogether(List<KeyedCombiner.Slot<FirstSignIn, User>> batch) {
    Instant now = clock.instant();
    List<User> fresh = new ArrayList<>(batch.size());
    for (KeyedCombiner.Slot<FirstSignIn, User> slot : batch) {
      fresh.add(newUser(slot.request(), now));
    }
    // in WorkOS id order, so that two transactions inserting the same ids never wait on each other
    List<User> ordered = new ArrayList<>(fresh);
    ordered.sort(Comparator.comparing(user -> user.workosUserId().value()));
    Set<UserId> inserted = users.insertAllIfAbsent(ordered);
    for (int i = 0; i < batch.size(); i++) {
      KeyedCombiner.Slot<FirstSignIn, User> slot = batch.get(i);
      if (inserted.contains(fresh.get(i).id())) {
        slot.succeed(fresh.get(i));
        continue;
      }
      try {
        // someone else created it first: treat this as a sign-in of theirs
        slot.succeed(refresh(slot.request().command()));
      } catch (UserDeactivated e) {
        slot.fail(e);
      }
    }
  }

  /** One first sign-in in its own transaction (when the shared one failed). */
  private User insertAlone(FirstSignIn signIn) {
    User fresh = newUser(signIn, clock.instant());
    return users.insertIfAbsent(fresh) ? fresh : refresh(signIn.command());
  }

  private User newUser(FirstSignIn signIn, Instant now) {
    return User.register(ids.newUserId(), signIn.command().workosUserId(), signIn.profile(), now)
        .signedIn(signIn.command().sessionId(), now);
  }

  /** A verified identity WorkOS knows and this database does not, with the profile to create. */
  private record FirstSignIn(Command command, IdentityProfile profile) {}

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
    User synced = claimsAreCurrent(user, command) ? user.syncedWith(command.profile(), now) : user;
    return synced.signedIn(command.sessionId(), now);
  }

  /**
   * Whether the token's profile claims may update the user: only when the token was issued no
   * earlier than the user's last change ({@code iat} has whole seconds, so the second of the change
   * counts). A token issued before a change (a WorkOS {@code user.updated}, an admin's edit) holds
   * the profile as it was then, and must not undo the newer one on its next request.
   */
  private static boolean claimsAreCurrent(User user, Command command) {
    if (command.profile() == null) {
      return false;
    }
    return command.issuedAt() == null
        || !command.issuedAt().isBefore(user.updatedAt().truncatedTo(ChronoUnit.SECONDS));
  }
}
