package com.datamingle.migrations.backup;

import java.time.Duration;

/**
 * The SQL around a dump's own, for {@link PostgresRestore}: the live schema moved aside (and the
 * dump's schema, when it is another existing one) before it; after it, the restored schema renamed
 * to the live one's name with the old one's owner and grants, and the old schema dropped.
 */
record PostgresSchemaSwap(
    String live,
    String dumped,
    String suffix,
    boolean liveExists,
    boolean moveOther,
    Duration lockTimeout) {

  /** BEGIN, the lock timeout, and the renames that make room for the dump's schema. */
  String before() {
    return sql(true);
  }

  /** The renames back, owner and grants, the old schema dropped, and COMMIT. */
  String after() {
    return sql(false);
  }

  private String sql(boolean wantBefore) {
    String old = "dm_restore_old_" + suffix;
    String keep = "dm_restore_keep_" + suffix;
    String timeout = "SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms';\n";

    StringBuilder before = new StringBuilder("BEGIN;\n").append(timeout);
    if (liveExists) {
      before
          .append("ALTER SCHEMA ")
          .append(quote(live))
          .append(" RENAME TO ")
          .append(quote(old))
          .append(";\n");
    }
    if (moveOther) {
      before
          .append("ALTER SCHEMA ")
          .append(quote(dumped))
          .append(" RENAME TO ")
          .append(quote(keep))
          .append(";\n");
    }
    StringBuilder after = new StringBuilder("\n").append(timeout);
    if (!dumped.equals(live)) {
      after
          .append("ALTER SCHEMA ")
          .append(quote(dumped))
          .append(" RENAME TO ")
          .append(quote(live))
          .append(";\n");
      if (moveOther) {
        after
            .append("ALTER SCHEMA ")
            .append(quote(keep))
            .append(" RENAME TO ")
            .append(quote(dumped))
            .append(";\n");
      }
    }
    if (liveExists) {
      after
          .append(keepOwnerAndGrants(old, live))
          .append("DROP SCHEMA ")
          .append(quote(old))
          .append(" CASCADE;\n");
    }
    after.append("COMMIT;\n");
    return wantBefore ? before.toString() : after.toString();
  }

  /**
   * The new schema gets the owner and the grants of the one it replaces, so that the roles that
   * used it still can.
   */
  private static String keepOwnerAndGrants(String from, String to) {
    return "DO $restore$ DECLARE r record; BEGIN\n"
        + "  EXECUTE format('ALTER SCHEMA %I OWNER TO %I', "
        + literal(to)
        + ","
        + " (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = "
        + literal(from)
        + "));\n"
        + "  FOR r IN SELECT a.grantee, a.privilege_type, a.is_grantable FROM pg_namespace n,"
        + " aclexplode(n.nspacl) a\n"
        + "      WHERE n.nspname = "
        + literal(from)
        + " AND a.grantee <> n.nspowner LOOP\n"
        + "    EXECUTE format('GRANT %s ON SCHEMA %I TO %s%s', r.privilege_type, "
        + literal(to)
        + ",\n"
        + "      CASE WHEN r.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r.grantee))"
        + " END,\n"
        + "      CASE WHEN r.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);\n"
        + "  END LOOP;\n"
        + "END $restore$;\n";
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
