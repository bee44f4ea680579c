package com.datamingle.adapter.persistence.sync;

import com.datamingle.adapter.persistence.tx.Sessions;
import com.datamingle.application.port.out.WorkOsSyncStore;
import org.apache.ibatis.session.Configuration;

/** The WorkOS sync room's entry point for {@code PersistenceModule}: its mapper and its store. */
public final class SyncPersistence {
  private SyncPersistence() {}

  public static void configure(Configuration configuration) {
    configuration.addMapper(WorkOsSyncMapper.class);
  }

  public static WorkOsSyncStore store(Sessions sessions) {
    return new MyBatisWorkOsSyncStore(sessions);
  }
}
