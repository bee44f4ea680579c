package com.datamingle.adapter.persistence.tx;

import com.datamingle.application.port.out.UnitOfWork;

/** The transactions room's entry point for {@code PersistenceModule}: the unit of work to use. */
public final class UnitsOfWork {
  private UnitsOfWork() {}

  /**
   * On SQLite, units whose commits are grouped behind the one writer ({@link
   * GroupCommitUnitOfWork}); on PostgreSQL, one transaction per unit ({@link MyBatisUnitOfWork}).
   */
  public static UnitOfWork of(Sessions sessions, boolean sqlite) {
    return sqlite ? new GroupCommitUnitOfWork(sessions) : new MyBatisUnitOfWork(sessions);
  }

  /** Stops what {@link #of} started: the group committer's thread, when there is one. */
  public static void stop(UnitOfWork unitOfWork) {
    if (unitOfWork instanceof GroupCommitUnitOfWork groupCommit) {
      groupCommit.close();
    }
  }
}
