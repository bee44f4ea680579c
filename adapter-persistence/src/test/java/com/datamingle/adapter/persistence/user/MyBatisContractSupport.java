package com.datamingle.adapter.persistence.user;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.WorkOsSyncStore;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract on the MyBatis adapter, over a database whose schema comes from the real migrations.
 */
abstract class MyBatisContractSupport extends UserRepositoryContract {
  protected PersistenceModule module;
  private DatabaseSettings settings;

  protected void open(DatabaseSettings databaseSettings) {
    settings = databaseSettings;
    DatabaseMigrator.create(
            new MigrationTarget(settings.jdbcUrl(), settings.user(), settings.password()),
            ScriptSource.packaged())
        .upgrade(null, null);
    module = PersistenceModule.open(settings, clock);
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
    Properties props = new Properties();
    if (settings.user() != null) {
      props.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      props.setProperty("password", settings.password());
    }
    return DriverManager.getConnection(settings.jdbcUrl(), props);
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
