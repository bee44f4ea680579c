package com.datamingle.adapter.persistence.revocation;

import org.apache.ibatis.session.Configuration;

/** The revocations room's entry point for {@code PersistenceModule}: its mapper. */
public final class RevocationPersistence {
  private RevocationPersistence() {}

  public static void configure(Configuration configuration) {
    configuration.addMapper(RevocationMapper.class);
  }
}
