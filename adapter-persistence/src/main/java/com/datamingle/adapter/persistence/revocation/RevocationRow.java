package com.datamingle.adapter.persistence.revocation;

import java.time.Instant;

/** A revoked session ({@code key} its id) or a sign-out ({@code key} the WorkOS user id). */
record RevocationRow(String key, Instant at, Instant forgetAfter) {}
