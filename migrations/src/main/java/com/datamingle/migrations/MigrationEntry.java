package com.datamingle.migrations;

/**
 * One migration as the scripts and the database see it together.
 *
 * @param appliedAt when it was applied (the changelog's text), or null when it was not
 * @param recordedChecksum the SHA-256 recorded when it was applied (null when not applied, or not
 *     yet recorded)
 * @param scriptChecksum the SHA-256 of the script as it is now (null when the script is missing)
 */
public record MigrationEntry(
    String id,
    String description,
    String fileName,
    String appliedAt,
    State state,
    String recordedChecksum,
    String scriptChecksum) {

  public enum State {
    /** Applied, and its script is here. */
    APPLIED,
    /** Not applied, newer than everything applied: the next upgrade runs it. */
    PENDING,
    /**
     * Not applied, but older than the newest applied migration: parallel work that an upgrade would
     * skip.
     */
    OUT_OF_ORDER,
    /** Recorded as applied, but no script has its id. */
    MISSING_SCRIPT
  }

  public boolean applied() {
    return state == State.APPLIED || state == State.MISSING_SCRIPT;
  }

  /** Applied, and its script has changed since: someone edited an applied migration. */
  public boolean checksumMismatch() {
    return state == State.APPLIED
        && recordedChecksum != null
        && scriptChecksum != null
        && !recordedChecksum.equals(scriptChecksum);
  }

  /** {@code <id> <description>}, the way operators name a migration. */
  public String label() {
    return id + " " + description;
  }
}
