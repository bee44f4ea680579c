package com.datamingle.application.service;

import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.GetUserUseCase;
import com.datamingle.application.port.in.admin.ListUsersUseCase;
import com.datamingle.application.port.in.profile.UpdateMyProfileUseCase;
import com.datamingle.application.port.in.signin.ResolveSignInUseCase;
import com.datamingle.application.port.in.sync.ApplyWorkOsEventUseCase;
import com.datamingle.application.port.in.sync.PurgeDeletedUsersUseCase;
import com.datamingle.application.port.in.sync.SyncWorkOsEventsUseCase;
import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.application.port.out.IdentityProviderDirectory;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.application.port.out.WorkOsSyncStore;
import java.time.Clock;

/**
 * The application's public face: takes the outbound ports and hands out the use cases. The services
 * themselves are package-private, so adapters can only reach the inbound ports.
 */
public final class ApplicationServices {
  private final ResolveSignInUseCase resolveSignIn;
  private final UpdateMyProfileUseCase updateMyProfile;
  private final GetUserUseCase getUser;
  private final ListUsersUseCase listUsers;
  private final ChangeUserAccessUseCase changeUserAccess;
  private final ApplyWorkOsEventUseCase applyWorkOsEvent;
  private final SyncWorkOsEventsUseCase syncWorkOsEvents;
  private final PurgeDeletedUsersUseCase purgeDeletedUsers;

  private ApplicationServices(
      UserRepository users,
      WorkOsSyncStore sync,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      IdentityProviderDirectory directory,
      WorkOsEventFeed feed,
      Clock clock) {
    UserLookup lookup = new UserLookup(users);
    this.resolveSignIn = new ResolveSignInService(users, sync, unitOfWork, ids, directory, clock);
    this.updateMyProfile = new UpdateMyProfileService(users, lookup, unitOfWork, clock);
    this.getUser = new GetUserService(lookup);
    this.listUsers = new ListUsersService(users);
    this.changeUserAccess = new ChangeUserAccessService(users, lookup, unitOfWork, clock);
    this.applyWorkOsEvent = new ApplyWorkOsEventService(users, sync, unitOfWork, ids, clock);
    this.syncWorkOsEvents =
        new SyncWorkOsEventsService(applyWorkOsEvent, sync, feed, unitOfWork, clock);
    this.purgeDeletedUsers = new PurgeDeletedUsersService(users, sync, unitOfWork);
  }

  /**
   * {@code directory}: WorkOS's user lookup for first sign-ins; {@code feed}: WorkOS's Events API
   * for {@link #syncWorkOsEvents()}.
   */
  public static ApplicationServices create(
      UserRepository users,
      WorkOsSyncStore sync,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      IdentityProviderDirectory directory,
      WorkOsEventFeed feed,
      Clock clock) {
    return new ApplicationServices(users, sync, unitOfWork, ids, directory, feed, clock);
  }

  public ResolveSignInUseCase resolveSignIn() {
    return resolveSignIn;
  }

  public UpdateMyProfileUseCase updateMyProfile() {
    return updateMyProfile;
  }

  public GetUserUseCase getUser() {
    return getUser;
  }

  public ListUsersUseCase listUsers() {
    return listUsers;
  }

  public ChangeUserAccessUseCase changeUserAccess() {
    return changeUserAccess;
  }

  public ApplyWorkOsEventUseCase applyWorkOsEvent() {
    return applyWorkOsEvent;
  }

  public SyncWorkOsEventsUseCase syncWorkOsEvents() {
    return syncWorkOsEvents;
  }

  public PurgeDeletedUsersUseCase purgeDeletedUsers() {
    return purgeDeletedUsers;
  }
}
