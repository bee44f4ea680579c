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
public record ApplicationServices(
    ResolveSignInUseCase resolveSignIn,
    UpdateMyProfileUseCase updateMyProfile,
    GetUserUseCase getUser,
    ListUsersUseCase listUsers,
    ChangeUserAccessUseCase changeUserAccess,
    ApplyWorkOsEventUseCase applyWorkOsEvent,
    SyncWorkOsEventsUseCase syncWorkOsEvents,
    PurgeDeletedUsersUseCase purgeDeletedUsers) {

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
    UserLookup lookup = new UserLookup(users);
    ApplyWorkOsEventUseCase applyWorkOsEvent =
        new ApplyWorkOsEventService(users, sync, unitOfWork, ids, clock);
    return new ApplicationServices(
        new ResolveSignInService(users, sync, unitOfWork, ids, directory, clock),
        new UpdateMyProfileService(users, lookup, unitOfWork, clock),
        new GetUserService(lookup),
        new ListUsersService(users),
        new ChangeUserAccessService(users, lookup, unitOfWork, clock),
        applyWorkOsEvent,
        new SyncWorkOsEventsService(applyWorkOsEvent, sync, feed, unitOfWork, clock),
        new PurgeDeletedUsersService(users, sync, unitOfWork));
  }
}
