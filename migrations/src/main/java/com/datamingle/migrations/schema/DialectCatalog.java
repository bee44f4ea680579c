package com.datamingle.migrations.schema;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.schema.Catalog.TableState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** How one dialect's catalog answers {@link Catalog}'s questions; chosen once per dialect. */
interface DialectCatalog {
  static DialectCatalog of(Dialect dialect) {
    return dialect == Dialect.SQLITE ? SqliteCatalog.INSTANCE : PostgresCatalog.INSTANCE;
  }

  /** Every table (views are included on PostgreSQL), in name order. */
  List<String> tables(Connection c) throws SQLException;

  /** The base tables whose structure is compared, without the changelog. */
  List<String> comparedTables(Connection c) throws SQLException;

  TableState table(Connection c, String table) throws SQLException;

  /** One line per table, column, index and constraint, sorted; the changelog is left out. */
  List<String> describe(Connection c) throws SQLException;

  void dropEverything(Connection c) throws SQLException;
}
