package com.datamingle.adapter.persistence.user;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.WorkOsSyncStore;
import com.datamingle.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract on the MyBatis adapter, over a database whose schema comes from the real migrations.
 */
abstract class MyBatisContractSupport extends UserRepositoryContract {
  protected PersistenceModule module;

  /** The migrated database of each test, a SQLite file or a PostgreSQL schema. */
  @RegisterExtension final TestDatabase db;

  private final int poolSize;

  /** {@code poolSize} 0 picks the dialect's default. */
  MyBatisContractSupport(TestDatabase db, int poolSize) {
    this.db = db.migrated();
    this.poolSize = poolSize;
  }

  @BeforeEach
  void openModule() {
    module = PersistenceModule.open(db.settings(poolSize), clock);
  }

  @AfterEach
  void closeModule() {
    if (module != null) {
      module.close();
    }
  }

  @Override
  protected UserRepository repository() {
    return module.userRepository();
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return module.unitOfWork();
  }

  @Override
  protected IdGenerator ids() {
    return module.idGenerator();
  }

  @Override
  protected WorkOsSyncStore syncStore() {
    return module.syncStore();
  }

  /** Raw JDBC, not the mapper under test. */
  protected Connection rawConnection() throws SQLException {
    return db.connect();
  }

  @Override
  protected int rowCount() {
    try (Connection c = rawConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
