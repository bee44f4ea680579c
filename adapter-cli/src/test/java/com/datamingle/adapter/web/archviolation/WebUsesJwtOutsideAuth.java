package com.datamingle.adapter.web.archviolation;

import com.auth0.jwt.interfaces.DecodedJWT;

/** Deliberately bad: JWT types outside the auth package. */
public class WebUsesJwtOutsideAuth {
  DecodedJWT token;
}
