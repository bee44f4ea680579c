package com.datamingle.migrations.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.testing.PostgresSchemas;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The checksum PostgreSQL sums in SQL is the one Java sums from the same values, for the values
 * where text forms part most easily (multi-byte and four-byte characters, the empty string, null,
 * times before 1970, a separator inside a value), and it changes when one value does.
 */
class ContentChecksumPostgresIT {
  @RegisterExtension final PostgresSchemas schemas = new PostgresSchemas();

  private static final List<Layout.Column> COLUMNS =
      List.of(
          new Layout.Column("id", ColumnType.UUID, "uuid", true, false),
          new Layout.Column("name", ColumnType.TEXT, "text", false, false),
          new Layout.Column("flag", ColumnType.BOOLEAN, "boolean", false, false),
          new Layout.Column("at", ColumnType.TIMESTAMP, "timestamp with time zone", false, false),
          new Layout.Column("n", ColumnType.INTEGER, "bigint", false, false));

  private static final Object[][] ROWS = {
    {"0b7e5c52-6c1a-4d8e-9a51-3f1f6f0d2a11", "Zoë Ünal 😀", true, "2026-01-02T03:04:05.678Z", 42L},
    {"1c2d3e4f-0000-4000-8000-000000000001", "", false, "1969-12-31T23:59:59.999Z", -7L},
    {"1c2d3e4f-0000-4000-8000-000000000002", null, null, null, null},
    {"1c2d3e4f-0000-4000-8000-000000000003", "3:a;N;", true, "1900-01-01T00:00:00Z", 0L},
  };

  @Test
  void postgresqlSumsTheRowsAsJavaDoes() throws Exception {
    PostgresTestDatabase db = schemas.create();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id uuid, name text, flag boolean, at timestamptz, n bigint)");
      ContentChecksum java = new ContentChecksum();
      for (Object[] row : ROWS) {
        insert(s, row);
        Object[] values = row.clone();
        values[3] = values[3] == null ? null : Instant.parse((String) values[3]);
        java.add(values);
      }

      assertThat(sql(s)).isEqualTo(java.hex());

      s.execute("UPDATE t SET name = 'Zoe Ünal 😀' WHERE n = 42");
      assertThat(sql(s)).isNotEqualTo(java.hex());
    }
  }

  private static void insert(Statement s, Object[] row) throws Exception {
    StringBuilder values = new StringBuilder();
    for (Object v : row) {
      values.append(values.isEmpty() ? "" : ", ");
      values.append(
          v == null ? "NULL" : v instanceof String t ? "'" + t.replace("'", "''") + "'" : v);
    }
    s.execute("INSERT INTO t VALUES (" + values + ")");
  }

  private static String sql(Statement s) throws Exception {
    try (ResultSet rs = s.executeQuery(ContentChecksum.sql("t", COLUMNS))) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(ROWS.length);
      return ContentChecksum.hex(rs.getString(2));
    }
  }
}
