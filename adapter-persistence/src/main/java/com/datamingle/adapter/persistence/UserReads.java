package com.datamingle.adapter.persistence;

import com.datamingle.adapter.persistence.tx.Sessions;
import com.datamingle.adapter.persistence.user.UserPersistence;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.migrations.database.DatabaseSettings;
import java.sql.SQLException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.AutoMappingUnknownColumnBehavior;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * The users for a one-shot command that only reads them ({@code users show}, {@code users list}):
 * MyBatis with the user mapper's reads alone (built in Java, no XML parsed), over plain connections
 * from the driver ({@link DriverConnections}) rather than a pool, and no cache. {@link
 * PersistenceModule} opens the pool, every mapper and the change announcements, which such a
 * command never uses; this costs it a fraction of the start-up. The connections have the pool's
 * properties (SQLite's busy timeout and foreign keys, say), so a read sees what the service sees.
 */
public final class UserReads implements AutoCloseable {
  private final DriverConnections connections;
  private final UserRepository users;

  private UserReads(DriverConnections connections, UserRepository users) {
    this.connections = connections;
    this.users = users;
  }

  /**
   * Connects once to check that the database answers (that connection serves the first read).
   *
   * @throws DatabaseUnavailable when it does not, with a message that names it (without secrets)
   */
  public static UserReads open(DatabaseSettings settings) {
    return prepare(settings).connect();
  }

  /**
   * MyBatis with the user mapper, made without connecting: a command may make it on another core
   * while it checks the database, and connect only once that check passed ({@link #connect}).
   */
  public static UserReads prepare(DatabaseSettings settings) {
    DriverConnections connections = new DriverConnections(settings);
    Configuration configuration =
        new Configuration(new Environment("datamingle", new JdbcTransactionFactory(), connections));
    configuration.setMapUnderscoreToCamelCase(true);
    configuration.setAutoMappingUnknownColumnBehavior(AutoMappingUnknownColumnBehavior.FAILING);
    configuration.setDefaultStatementTimeout(30);
    configuration.setDatabaseId(settings.dialect().id());
    UserPersistence.configureReads(configuration);
    Sessions sessions =
        new Sessions(
            new SqlSessionFactoryBuilder().build(configuration),
            connections,
            settings.dialect().singleWriter());
    return new UserReads(connections, UserPersistence.uncached(sessions));
  }

  /**
   * Connects once to check that the database answers (that connection serves the first read).
   *
   * @throws DatabaseUnavailable when it does not, with a message that names it (without secrets)
   */
  public UserReads connect() {
    try {
      connections.connectNow();
    } catch (SQLException e) {
      throw new DatabaseUnavailable(
          "cannot open the database "
              + connections.settings().describe()
              + ": "
              + PersistenceModule.rootMessage(e)
              + "; check DATABASE_URL (or --database-url) and that the database is running",
          e);
    }
    return this;
  }

  public UserRepository userRepository() {
    return users;
  }

  @Override
  public void close() {
    connections.close();
  }
}
