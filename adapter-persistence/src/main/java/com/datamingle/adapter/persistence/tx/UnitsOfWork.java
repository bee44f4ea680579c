package com.datamingle.adapter.persistence.tx;

import com.datamingle.application.port.out.UnitOfWork;

/** The transactions room's entry point for {@code PersistenceModule}: the unit of work to use. */
public final class UnitsOfWork {
  private UnitsOfWork() {}

  /**
   * With a single writer (SQLite), units whose commits are grouped behind it ({@link
   * GroupCommitUnitOfWork}); else (PostgreSQL) one transaction per unit ({@link
   * MyBatisUnitOfWork}).
   */
  public static UnitOfWork of(Sessions sessions, boolean singleWriter) {
    return singleWriter ? new GroupCommitUnitOfWork(sessions) : new MyBatisUnitOfWork(sessions);
  }

  /** Stops what {@link #of} started: the group committer's thread, when there is one. */
  public static void stop(UnitOfWork unitOfWork) {
    if (unitOfWork instanceof GroupCommitUnitOfWork groupCommit) {
      groupCommit.close();
    }
  }
}
