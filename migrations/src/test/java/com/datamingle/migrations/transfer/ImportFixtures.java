package com.datamingle.migrations.transfer;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Databases for import tests: DataMingle databases with rows in every table, the rules an import
 * checks (a stand-in for the domain's, which this module cannot see), and a reading of any table
 * that is the same on both databases (times as epoch milliseconds, flags as 0/1, UUIDs as text).
 */
final class ImportFixtures {
  private ImportFixtures() {}

  /** Emails required and lower-cased, time zones must be real (UTC when replaced). */
  static final ValueRules RULES =
      new ValueRules() {
        @Override
        public UnaryOperator<String> rule(String table, String column) {
          if (!table.equals("users")) {
            return null;
          }
          return switch (column) {
            case "email" ->
                value -> {
                  if (value == null || !value.contains("@")) {
                    throw new IllegalArgumentException(
                        value == null ? "email is required" : "not an email");
                  }
                  return value.strip().toLowerCase(Locale.ROOT);
                };
            case "timezone" ->
                value -> {
                  try {
                    return ZoneId.of(value).getId();
                  } catch (RuntimeException e) {
                    throw new IllegalArgumentException("not a known time zone");
                  }
                };
            default -> null;
          };
        }

        @Override
        public Optional<Fallback> fallback(String table, String column) {
          return column.equals("timezone") ? Optional.of(new Fallback("UTC")) : Optional.empty();
        }
      };

  static DatabaseMigrator migrator(MigrationTarget target) {
    return DatabaseMigrator.create(target, ScriptSource.packaged());
  }

  static DatabaseImport importer(
      MigrationTarget source, MigrationTarget target, ImportOptions options) {
    AtomicLong next = new AtomicLong();
    return new DatabaseImport(
        source,
        migrator(target),
        ScriptSource.packaged(),
        RULES,
        id -> Optional.of(id.toLowerCase(Locale.ROOT) + "@workos.example.com"),
        () -> new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L | next.incrementAndGet()),
        options);
  }

  static Connection connect(MigrationTarget t) throws SQLException {
    return com.datamingle.migrations.autogen.Scratch.connect(t);
  }

  /** Brings {@code t} to head and writes {@code users} users and a row in every other table. */
  static void seed(MigrationTarget t, int users) throws SQLException {
    migrator(t).upgrade(null, MigrationListener.SILENT);
    Dialect d = t.dialect();
    try (Connection c = connect(t)) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO users (id, workos_user_id, email, first_name, last_name,"
                  + " profile_picture_url, is_active, is_admin, timezone, language, created_at,"
                  + " updated_at, last_login_at, last_session_id) VALUES"
                  + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < users; i++) {
          Instant at = Instant.parse("2026-01-01T00:00:00.123Z").plusSeconds(i * 61L);
          put(ps, 1, d, UUID.nameUUIDFromBytes(("u" + i).getBytes()));
          ps.setString(2, "user_01SEED" + i);
          ps.setString(3, "seed" + i + "@example.com");
          ps.setString(4, i % 7 == 0 ? null : "Zoë \t\"" + i + "\" \\ O'Neil\nline");
          ps.setString(5, i % 5 == 0 ? "" : "李" + i);
          ps.setString(6, i % 3 == 0 ? null : "https://example.com/p?a=" + i + "&b=2");
          put(ps, 7, d, i % 4 != 0);
          put(ps, 8, d, i % 10 == 0);
          ps.setString(9, i % 2 == 0 ? "Europe/Paris" : "UTC");
          ps.setString(10, i % 2 == 0 ? "pt-BR" : "en");
          put(ps, 11, d, at);
          put(ps, 12, d, at.plusMillis(1));
          put(ps, 13, d, i % 6 == 0 ? null : at.plusSeconds(30));
          ps.setString(14, i % 6 == 0 ? null : "session_" + i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement sync =
              c.prepareStatement("INSERT INTO workos_user_sync VALUES (?, ?, ?)");
          PreparedStatement event =
              c.prepareStatement("INSERT INTO workos_events VALUES (?, ?, ?)");
          PreparedStatement cursor =
              c.prepareStatement("INSERT INTO sync_cursors VALUES (?, ?, ?)")) {
        sync.setString(1, "user_01SEED1");
        put(sync, 2, d, Instant.parse("2026-02-03T04:05:06.789Z"));
        put(sync, 3, d, null);
        sync.executeUpdate();
        sync.setString(1, "user_01GONE");
        put(sync, 2, d, Instant.parse("2026-02-03T04:05:06Z"));
        put(sync, 3, d, Instant.parse("2026-02-04T00:00:00Z"));
        sync.executeUpdate();
        event.setString(1, "event_01A");
        event.setString(2, "user.updated");
        put(event, 3, d, Instant.parse("2026-02-03T04:05:07Z"));
        event.executeUpdate();
        cursor.setString(1, "workos-events");
        cursor.setString(2, "event_01A");
        put(cursor, 3, d, Instant.parse("2026-02-03T04:05:08Z"));
        cursor.executeUpdate();
      }
      c.commit();
    }
  }

  /** Adds {@code n} users to a prototype database, as its SQLAlchemy model would. */
  static void addPrototypeUsers(MigrationTarget t, int n) throws SQLException {
    try (Connection c = connect(t);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO users (workos_user_id, email, is_active, is_admin, timezone, language,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, 'UTC', 'en', ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < n; i++) {
        ps.setString(1, "user_01MANY" + i);
        ps.setString(2, "many" + i + "@example.com");
        put(ps, 3, t.dialect(), true);
        put(ps, 4, t.dialect(), false);
        Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i);
        if (t.dialect() == Dialect.SQLITE) {
          ps.setString(5, at.toString().replace('T', ' ').replace("Z", ".000000"));
          ps.setString(6, at.toString().replace('T', ' ').replace("Z", ".000000"));
        } else {
          put(ps, 5, t.dialect(), at);
          put(ps, 6, t.dialect(), at);
        }
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
  }

  private static void put(PreparedStatement ps, int i, Dialect d, Object value)
      throws SQLException {
    if (value == null) {
      ps.setNull(i, java.sql.Types.NULL);
    } else if (value instanceof Instant at) {
      if (d == Dialect.POSTGRESQL) {
        ps.setObject(i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      } else {
        ps.setLong(i, at.toEpochMilli());
      }
    } else if (value instanceof Boolean b) {
      if (d == Dialect.POSTGRESQL) {
        ps.setBoolean(i, b);
      } else {
        ps.setInt(i, b ? 1 : 0);
      }
    } else if (value instanceof UUID id) {
      if (d == Dialect.POSTGRESQL) {
        ps.setObject(i, id);
      } else {
        ps.setString(i, id.toString());
      }
    }
  }

  /** Every row of {@code table}, each as text, sorted: comparable across the two databases. */
  static List<String> rows(MigrationTarget t, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = connect(t);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
          Object v = rs.getObject(i);
          if (v instanceof java.sql.Timestamp && t.dialect() == Dialect.POSTGRESQL) {
            v = rs.getObject(i, OffsetDateTime.class).toInstant().toEpochMilli();
          } else if (v instanceof Boolean b) {
            v = b ? 1 : 0;
          } else if (v instanceof Number n) {
            v = n.longValue();
          }
          row.append(name).append('=').append(v).append(' ');
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }

  static long count(MigrationTarget t, String table) throws SQLException {
    try (Connection c = connect(t);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void execute(MigrationTarget t, String... statements) throws SQLException {
    try (Connection c = connect(t);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
