package com.datamingle.migrations.transfer;

/**
 * How an import treats what it cannot copy as it is.
 *
 * @param dryRun read and check everything, write nothing
 * @param skipUnknown leave out source tables and columns the project has no place for (named in the
 *     report) instead of refusing
 * @param badEmail what to do with a user whose email is missing or refused by the project's rules
 * @param badValue what to do with another value the project's rules refuse
 */
public record ImportOptions(
    boolean dryRun, boolean skipUnknown, BadEmail badEmail, BadValue badValue) {

  /** Refusing is the default wherever there is no safe choice. */
  public static final ImportOptions DEFAULTS =
      new ImportOptions(false, false, BadEmail.REFUSE, BadValue.REFUSE);

  /** What an operator can do about refused findings. */
  static final String WAYS_AHEAD =
      "Ways ahead: --on-bad-email=workos (ask WorkOS, needs WORKOS_API_KEY) or"
          + " --on-bad-email=placeholder for users without a usable email; --on-bad-value=default"
          + " to store DataMingle's default for other refused values; --skip-unknown to leave out"
          + " tables and columns DataMingle has no place for. --dry-run shows everything without"
          + " writing.";

  public ImportOptions {
    badEmail = badEmail == null ? BadEmail.REFUSE : badEmail;
    badValue = badValue == null ? BadValue.REFUSE : badValue;
  }

  /** A user without a usable email. */
  public enum BadEmail {
    /** Refuse the import, naming the users. */
    REFUSE,
    /** Ask WorkOS for the user's email (needs the API key). */
    WORKOS,
    /**
     * Store {@code <workos id>@missing-email.invalid}, a marked address that never receives mail;
     * the user's next sign-in with an email claim, or a WorkOS event, replaces it.
     */
    PLACEHOLDER
  }

  /** Another value the project refuses: a time zone, a language, a name, a picture URL. */
  public enum BadValue {
    /** Refuse the import, naming the rows and values. */
    REFUSE,
    /** Store the project's default instead (UTC, en; no name, picture or session). */
    DEFAULT
  }

  public ImportOptions withDryRun(boolean value) {
    return new ImportOptions(value, skipUnknown, badEmail, badValue);
  }
}
