package com.datamingle.adapter.web.auth;

import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Instant;

/**
 * What a verified WorkOS access token says: whose it is, which session, until when, and the profile
 * claims when a JWT template added them (null otherwise); when it was issued ({@code iat}).
 */
public record VerifiedToken(
    WorkOsUserId workosUserId,
    String sessionId,
    Instant expiresAt,
    IdentityProfile profile,
    Instant issuedAt) {}
