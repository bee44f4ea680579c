package com.datamingle.adapter.web;

import com.datamingle.adapter.web.auth.TokenVerifier;
import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.GetUserUseCase;
import com.datamingle.application.port.in.admin.ListUsersUseCase;
import com.datamingle.application.port.in.profile.UpdateMyProfileUseCase;
import com.datamingle.application.port.in.signin.ResolveSignInUseCase;
import com.datamingle.application.port.in.signout.SignOutUserUseCase;
import com.datamingle.application.port.in.sync.ApplyWorkOsEventUseCase;

/**
 * What the web adapter drives and needs: the use cases, a token verifier, readiness and metrics.
 */
public record WebDependencies(
    ResolveSignInUseCase resolveSignIn,
    UpdateMyProfileUseCase updateMyProfile,
    ListUsersUseCase listUsers,
    GetUserUseCase getUser,
    ChangeUserAccessUseCase changeUserAccess,
    SignOutUserUseCase signOutUser,
    ApplyWorkOsEventUseCase applyWorkOsEvent,
    TokenVerifier tokenVerifier,
    Readiness readiness,
    Metrics metrics) {}
