package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.DatabaseUnavailable;
import com.datamingle.adapter.web.WebServer;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.domain.DomainException;
import com.datamingle.domain.InvalidValueException;
import com.datamingle.migrations.database.InvalidDatabaseUrl;
import com.datamingle.migrations.database.MigrationFailure;

/**
 * Which failures of the other modules are expected outcomes whose message already tells the
 * operator what to do (printed as one line), and which of them are usage errors (exit code 2).
 */
public final class Failures {
  private Failures() {}

  public static boolean isExpected(Throwable e) {
    return e instanceof MigrationFailure
        || e instanceof InvalidDatabaseUrl
        || e instanceof DatabaseUnavailable
        || e instanceof DomainException
        || e instanceof InvalidValueException
        || e instanceof Settings.InvalidSettings
        || e instanceof WebServer.CannotListen
        || e instanceof ServiceRefused
        || e instanceof IdentityProviderUnavailable;
  }

  /**
   * A failure raised by the database or by MyBatis reading it (a schema that is not what DataMingle
   * expects, most often).
   */
  public static boolean isDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException
          || t.getClass().getName().startsWith("org.apache.ibatis.")) {
        return true;
      }
    }
    return false;
  }

  public static boolean isUsage(Throwable e) {
    return e instanceof InvalidValueException || e instanceof Settings.InvalidSettings;
  }
}
