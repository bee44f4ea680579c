package com.datamingle.application.port.in.admin;

import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.PlainText;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsUserId;

/** How an operator names a user: our id, the WorkOS user id, or the email. */
public sealed interface UserReference {

  record ById(UserId id) implements UserReference {
    @Override
    public String toString() {
      return id.toString();
    }
  }

  record ByWorkosUserId(WorkOsUserId workosUserId) implements UserReference {
    @Override
    public String toString() {
      return workosUserId.toString();
    }
  }

  record ByEmail(Email email) implements UserReference {
    @Override
    public String toString() {
      return email.toString();
    }
  }

  /** Reads {@code user_...} as a WorkOS id, anything with {@code @} as an email, else a UUID. */
  static UserReference parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidValueException(
          "user", "name a user by id, WorkOS user id (user_...) or email");
    }
    String t = text.strip();
    String flaw = PlainText.flaw(t);
    if (flaw != null) {
      // not echoed: a control character could end the line or move the operator's cursor
      throw new InvalidValueException(
          "user",
          "a user's name " + flaw + "; name a user by id, WorkOS user id (user_...) or email");
    }
    if (t.startsWith("user_")) {
      return new ByWorkosUserId(new WorkOsUserId(t));
    }
    if (t.contains("@")) {
      return new ByEmail(new Email(t));
    }
    try {
      return new ById(UserId.parse(t));
    } catch (InvalidValueException e) {
      throw new InvalidValueException(
          "user", "'" + t + "' is neither a user id, a WorkOS user id (user_...) nor an email");
    }
  }
}
