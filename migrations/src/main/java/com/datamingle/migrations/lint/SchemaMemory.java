package com.datamingle.migrations.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the scripts read so far say about one dialect's schema: column types, and the columns a
 * validated {@code CHECK (col IS NOT NULL)} covers (so a later SET NOT NULL skips its scan).
 */
final class SchemaMemory {
  private final Map<String, Map<String, String>> types = new HashMap<>();
  private final Set<String> notNullChecked = new HashSet<>();
  private final Map<String, String> notValidChecks = new HashMap<>();

  Map<String, String> columns(String table) {
    return types.computeIfAbsent(table, t -> new HashMap<>());
  }

  void renameTable(String from, String to) {
    Map<String, String> cols = types.remove(from);
    types.put(to, cols == null ? new HashMap<>() : cols);
  }

  void dropTable(String table) {
    types.remove(table);
  }

  /** A {@code CHECK (col IS NOT NULL)} named {@code constraint}; validated unless NOT VALID. */
  void notNullCheck(String table, String column, String constraint, boolean validated) {
    if (validated) {
      notNullChecked.add(table + "." + column);
    } else if (constraint != null) {
      notValidChecks.put(constraint, table + "." + column);
    }
  }

  void validated(String constraint) {
    String column = notValidChecks.remove(constraint);
    if (column != null) {
      notNullChecked.add(column);
    }
  }

  boolean hasNotNullCheck(String table, String column) {
    return notNullChecked.contains(table + "." + column);
  }
}
