package com.datamingle.migrations.schema;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.schema.Catalog.TableState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** How one dialect's catalog answers {@link Catalog}'s questions; chosen once per dialect. */
abstract class DialectCatalog {
  private final String tablesSql;
  private final String comparedTablesSql;

  /**
   * @param tablesSql lists every table (views are included on PostgreSQL), in name order
   * @param comparedTablesSql lists the base tables whose structure is compared, without the
   *     changelog
   */
  DialectCatalog(String tablesSql, String comparedTablesSql) {
    this.tablesSql = tablesSql;
    this.comparedTablesSql = comparedTablesSql;
  }

  static DialectCatalog of(Dialect dialect) {
    return dialect == Dialect.SQLITE ? SqliteCatalog.INSTANCE : PostgresCatalog.INSTANCE;
  }

  final List<String> tables(Connection c) throws SQLException {
    return Catalog.strings(c, tablesSql);
  }

  final List<String> comparedTables(Connection c) throws SQLException {
    return Catalog.strings(c, comparedTablesSql);
  }

  abstract TableState table(Connection c, String table) throws SQLException;

  /** One line per table, column, index and constraint, sorted; the changelog is left out. */
  abstract List<String> describe(Connection c) throws SQLException;

  abstract void dropEverything(Connection c) throws SQLException;
}
