package com.datamingle.adapter.persistence;

import com.datamingle.adapter.persistence.change.ChangeListener;
import com.datamingle.adapter.persistence.change.ChangePersistence;
import com.datamingle.adapter.persistence.change.Changes;
import com.datamingle.adapter.persistence.revocation.RevocationStore;
import com.datamingle.adapter.persistence.sync.SyncPersistence;
import com.datamingle.adapter.persistence.tx.Sessions;
import com.datamingle.adapter.persistence.tx.UnitsOfWork;
import com.datamingle.adapter.persistence.user.UserPersistence;
import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.application.port.out.TokenRevocations;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.WorkOsSyncStore;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.database.MigrationFailure;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * Persistence adapter entry point: builds the connection pool, MyBatis and the repositories for one
 * database, and closes the pool. SQLite runs in WAL mode with a busy timeout, foreign keys on and
 * write transactions that take the writer lock up front (IMMEDIATE), behind a writer gate in this
 * process; PostgreSQL needs nothing but its URL.
 */
public final class PersistenceModule implements AutoCloseable {
  /** The schema this adapter relies on, declared for every database (see schema.dmschema). */
  public static final String DECLARED_SCHEMA =
      "/com/datamingle/adapter/persistence/schema.dmschema";

  private final DatabaseSettings settings;
  private final HikariDataSource dataSource;

  /**
   * How long a user looked up by WorkOS id may be served from memory by a process that does not
   * hear the changes of others (a server that does: 30 s, 250 ms while its listener reconnects; see
   * {@code change.Changes}).
   */
  public static final java.time.Duration USER_CACHE_TTL = java.time.Duration.ofSeconds(2);

  private final UserRepository users;
  private final Changes changes;
  private final RevocationStore revocations;
  private volatile ChangeListener listener;
  private final Clock clock;
  private final UnitOfWork unitOfWork;
  private final WorkOsSyncStore syncStore;
  private final UuidV7Generator ids;

  private PersistenceModule(
      DatabaseSettings settings, HikariDataSource dataSource, Clock clock, Mappers mappers) {
    this.settings = settings;
    this.dataSource = dataSource;
    if (!databaseId(dataSource).equals(mappers.configuration().getDatabaseId())) {
      throw new DatabaseUnavailable(
          "the database " + settings.describe() + " is not what its URL names; check DATABASE_URL",
          null);
    }
    Configuration configuration = mappers.configuration();
    configuration.setEnvironment(
        new Environment("datamingle", new JdbcTransactionFactory(), dataSource));
    boolean singleWriter = settings.dialect().singleWriter();
    Sessions sessions =
        new Sessions(new SqlSessionFactoryBuilder().build(configuration), dataSource, singleWriter);
    this.clock = clock;
    this.changes = new Changes(sessions, !singleWriter, clock);
    this.users = UserPersistence.repository(sessions, clock, USER_CACHE_TTL, changes);
    this.revocations = new RevocationStore(sessions, changes, clock);
    changes.subscribe(revocations);
    this.syncStore = SyncPersistence.store(sessions);
    this.unitOfWork = UnitsOfWork.of(sessions, singleWriter);
    this.ids = new UuidV7Generator(clock);
  }

  /**
   * Opens the pool and checks that the database answers.
   *
   * @throws DatabaseUnavailable when it does not, with a message that names it (without secrets)
   */
  public static PersistenceModule open(DatabaseSettings settings, Clock clock) {
    return open(settings, clock, poolConfig(settings), null);
  }

  /**
   * As {@link #open}, with MyBatis's statements parsed beforehand (serve parses them on the second
   * core while it checks the schema).
   */
  public static PersistenceModule open(DatabaseSettings settings, Clock clock, Mappers mappers) {
    return open(settings, clock, poolConfig(settings), mappers);
  }

  /**
   * As {@link #open}, for a short command: the pool keeps the one connection it checked with and
   * opens another only when one is asked for while that one is in use (PostgreSQL's pool would
   * otherwise open its whole size in the background).
   */
  public static PersistenceModule openForCommand(DatabaseSettings settings, Clock clock) {
    HikariConfig config = poolConfig(settings);
    config.setMinimumIdle(1);
    return open(settings, clock, config, null);
  }

  /** With {@code mappers} null, they are parsed once the pool is open. */
  private static PersistenceModule open(
      DatabaseSettings settings, Clock clock, HikariConfig config, Mappers mappers) {
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseUnavailable(
          "cannot open the database "
              + settings.describe()
              + ": "
              + rootMessage(e)
              + "; check DATABASE_URL (or --database-url) and that the database is running",
          e);
    }
    try {
      return new PersistenceModule(
          settings, dataSource, clock, mappers != null ? mappers : Mappers.parse(settings));
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  static HikariConfig poolConfig(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("datamingle");
    config.setJdbcUrl(settings.jdbcUrl());
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(1);
    if (settings.dialect().singleWriter()) {
      config.setMinimumIdle(1);
    }
    config.setDataSourceProperties(settings.dialect().poolProperties());
    return config;
  }

  private static String databaseId(DataSource dataSource) {
    VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
    Properties vendors = new Properties();
    vendors.setProperty("SQLite", "sqlite");
    vendors.setProperty("PostgreSQL", "postgresql");
    provider.setProperties(vendors);
    String id = provider.getDatabaseId(dataSource);
    if (id == null) {
      throw new DatabaseUnavailable(
          "the database is neither SQLite nor PostgreSQL; point DATABASE_URL at one of them", null);
    }
    return id;
  }

  static String rootMessage(Throwable e) {
    // one line: a driver's Detail/Hint/Where lines are not for the terminal
    return DatabaseSettings.redact(
        MigrationFailure.rootMessage(e).strip().replaceAll("\\s*\\R\\s*", "; "));
  }

  public UserRepository userRepository() {
    return users;
  }

  /** Revoked sessions and sign-outs; answered from memory once {@link #listenForChanges}. */
  public TokenRevocations tokenRevocations() {
    return revocations;
  }

  /**
   * For the server: loads the revocations in force and starts hearing the changes other processes
   * make (PostgreSQL: LISTEN on a connection of its own; SQLite: a poll every 200 ms), waiting a
   * few seconds for the listener to be connected. Until this is called, nothing is heard.
   */
  public void listenForChanges() {
    revocations.reload();
    listener =
        ChangeListener.start(
            changes,
            settings,
            () ->
                unitOfWork.inTransaction(
                    () -> {
                      revocations.forgetExpired();
                      if (settings.dialect().singleWriter()) {
                        ChangePersistence.pruneChanges(changes, clock.instant());
                      }
                      return null;
                    }),
            revocations::reload);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (changes.state() == Changes.State.OFF && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Whether changes of other processes are heard: {@code live}, {@code degraded} (the listener
   * reconnects; caches serve for 250 ms at most) or {@code off} (not listening).
   */
  public String invalidation() {
    return changes.state().name().toLowerCase(java.util.Locale.ROOT);
  }

  public WorkOsSyncStore syncStore() {
    return syncStore;
  }

  public UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  public IdGenerator idGenerator() {
    return ids;
  }

  /** The service's user ids (UUID v7) without a database, for a tool that writes rows itself. */
  public static IdGenerator idGenerator(Clock clock) {
    return new UuidV7Generator(clock);
  }

  /** The pool itself, for this package's tests. */
  DataSource dataSource() {
    return dataSource;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** True when a connection answers {@code SELECT 1}, for readiness checks. */
  public boolean ping() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Connections in use and in the pool, for metrics. */
  public PoolUsage poolUsage() {
    HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
    return pool == null
        ? new PoolUsage(0, 0, settings.maxPoolSize(), 0)
        : new PoolUsage(
            pool.getActiveConnections(),
            pool.getIdleConnections(),
            settings.maxPoolSize(),
            pool.getThreadsAwaitingConnection());
  }

  /** A snapshot of the pool. */
  public record PoolUsage(int active, int idle, int max, int waiting) {}

  /**
   * Has HikariCP publish the pool's own meters ({@code hikaricp_connections_*}, tagged {@code
   * pool="datamingle"}) in {@code metricRegistry}, a Micrometer or Dropwizard registry handed over
   * as HikariCP takes it, so that this module needs no metrics library. Once per pool.
   */
  public void publishPoolMetrics(Object metricRegistry) {
    dataSource.setMetricRegistry(metricRegistry);
  }

  @Override
  public void close() {
    ChangeListener running = listener;
    if (running != null) {
      running.close();
    }
    UnitsOfWork.stop(unitOfWork);
    dataSource.close();
  }
}
