package com.datamingle.migrations.transfer;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The project's rules for stored text values (the domain's, supplied by the composition root: the
 * migrations module knows only SQL). An import checks every text value of every row against them.
 */
public interface ValueRules {
  /** Rules that accept every value as it is. */
  ValueRules NONE =
      new ValueRules() {
        @Override
        public UnaryOperator<String> rule(String table, String column) {
          return null;
        }

        @Override
        public Optional<Fallback> fallback(String table, String column) {
          return Optional.empty();
        }
      };

  /**
   * The rule of one column, or null when it has none. A rule returns the value as the project
   * stores it (trimmed, lower-cased email, canonical language tag...), or null for a blank optional
   * value, and throws {@link IllegalArgumentException} saying why the project refuses it. It is
   * called for null values too (a rule may refuse a missing value).
   */
  UnaryOperator<String> rule(String table, String column);

  /** What may replace a refused value of this column; empty when nothing can. */
  Optional<Fallback> fallback(String table, String column);

  /** A replacement value (null: none, for an optional column). */
  record Fallback(String value) {}
}
