package com.datamingle.migrations;

import java.util.List;

/**
 * What an upgrade or downgrade did: the migrations it ran, in order, and where it left the
 * database.
 */
public record MigrationReport(List<MigrationEntry> ran, MigrationStatus after) {

  public MigrationReport {
    ran = List.copyOf(ran);
  }
}
