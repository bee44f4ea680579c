package com.datamingle.application.service;

import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.GetUserUseCase;
import com.datamingle.application.port.in.admin.ListUsersUseCase;
import com.datamingle.application.port.in.profile.UpdateMyProfileUseCase;
import com.datamingle.application.port.in.signin.ResolveSignInUseCase;
import com.datamingle.application.port.in.signout.SignOutUserUseCase;
import com.datamingle.application.port.in.sync.ApplyWorkOsEventUseCase;
import com.datamingle.application.port.in.sync.PurgeDeletedUsersUseCase;
import com.datamingle.application.port.in.sync.SyncWorkOsEventsUseCase;
import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.application.port.out.IdentityProviderDirectory;
import com.datamingle.application.port.out.IdentityProviderSessions;
import com.datamingle.application.port.out.TokenRevocations;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.application.port.out.WorkOsSyncStore;
import java.time.Clock;

/**
 * The application's public face: takes the outbound ports and hands out the use cases. The services
 * themselves are package-private, so adapters can only reach the inbound ports.
 */
public record ApplicationServices(
    ResolveSignInUseCase resolveSignIn,
    UpdateMyProfileUseCase updateMyProfile,
    GetUserUseCase getUser,
    ListUsersUseCase listUsers,
    ChangeUserAccessUseCase changeUserAccess,
    ApplyWorkOsEventUseCase applyWorkOsEvent,
    SyncWorkOsEventsUseCase syncWorkOsEvents,
    PurgeDeletedUsersUseCase purgeDeletedUsers,
    SignOutUserUseCase signOutUser) {

  /** The outbound ports every process of the service has. */
  public record Ports(
      UserRepository users,
      WorkOsSyncStore sync,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      TokenRevocations revocations) {}

  /** The use cases that only read users, for a one-shot command that needs no other port. */
  public record Reads(GetUserUseCase getUser, ListUsersUseCase listUsers) {
    public static Reads of(UserRepository users) {
      return new Reads(new GetUserService(new UserLookup(users)), new ListUsersService(users));
    }
  }

  /**
   * {@code directory}: WorkOS's user lookup for first sign-ins; {@code feed}: WorkOS's Events API
   * for {@link #syncWorkOsEvents()}; {@code providerSessions}: WorkOS's sessions API for {@link
   * #signOutUser()}, null when not configured.
   */
  public static ApplicationServices create(
      Ports ports,
      IdentityProviderDirectory directory,
      WorkOsEventFeed feed,
      IdentityProviderSessions providerSessions,
      Clock clock) {
    UserRepository users = ports.users();
    WorkOsSyncStore sync = ports.sync();
    UnitOfWork unitOfWork = ports.unitOfWork();
    IdGenerator ids = ports.ids();
    UserLookup lookup = new UserLookup(users);
    ApplyWorkOsEventUseCase applyWorkOsEvent =
        new ApplyWorkOsEventService(users, sync, unitOfWork, ids, ports.revocations(), clock);
    return new ApplicationServices(
        new ResolveSignInService(
            users, sync, unitOfWork, ids, directory, ports.revocations(), clock),
        new UpdateMyProfileService(users, lookup, unitOfWork, clock),
        new GetUserService(lookup),
        new ListUsersService(users),
        new ChangeUserAccessService(users, lookup, unitOfWork, clock),
        applyWorkOsEvent,
        new SyncWorkOsEventsService(applyWorkOsEvent, sync, feed, unitOfWork, clock),
        new PurgeDeletedUsersService(users, sync, unitOfWork),
        new SignOutUserService(lookup, ports.revocations(), unitOfWork, providerSessions, clock));
  }
}
