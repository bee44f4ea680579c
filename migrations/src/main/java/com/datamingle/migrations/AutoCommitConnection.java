package com.datamingle.migrations;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A connection for a script that runs outside a transaction: each statement commits on its own, and
 * a {@code commit()} while in auto-commit mode (MyBatis Migrations calls one after writing the
 * changelog row) does nothing instead of failing.
 */
final class AutoCommitConnection {
  private AutoCommitConnection() {}

  static Connection wrap(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit")
                  && method.getParameterCount() == 0
                  && connection.getAutoCommit()) {
                return null;
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
