package com.datamingle.adapter.persistence;

import com.datamingle.migrations.database.DatabaseSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source without a pool, for {@link UserReads}: each connection comes straight from the
 * dialect's driver with the pool's properties, and is closed by whoever took it. The one {@link
 * #connectNow} opened is handed out first; {@link #close} closes it if nobody took it.
 */
final class DriverConnections implements DataSource {
  private final DatabaseSettings settings;
  private Connection first;

  DriverConnections(DatabaseSettings settings) {
    this.settings = settings;
  }

  DatabaseSettings settings() {
    return settings;
  }

  synchronized void connectNow() throws SQLException {
    if (first == null) {
      first = connect();
    }
  }

  @Override
  public synchronized Connection getConnection() throws SQLException {
    Connection c = first;
    first = null;
    return c != null ? c : connect();
  }

  private Connection connect() throws SQLException {
    Properties props = settings.withCredentials(settings.dialect().poolProperties());
    return settings.dialect().connect(settings.jdbcUrl(), props);
  }

  synchronized void close() {
    Connection c = first;
    first = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // nothing was read through it; closing is all that is left
      }
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the user comes from DATABASE_URL");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // no log writer: the driver logs through its own logger
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // the driver's connectTimeout property applies
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
