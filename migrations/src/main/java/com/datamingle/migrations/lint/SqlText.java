package com.datamingle.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers over normalized statement text: names, top-level lists and column types. */
final class SqlText {
  /** A possibly qualified, possibly quoted name, or a {@code ${variable}}. */
  static final String ID = "([\\w.$\"{}]+)";

  private static final Pattern COLUMN =
      Pattern.compile(
          "^"
              + ID
              + " (.+?)(?: (?:NOT|NULL|DEFAULT|PRIMARY|REFERENCES|UNIQUE|CHECK|CONSTRAINT"
              + "|GENERATED|COLLATE)\\b.*)?$");
  private static final Pattern VARCHAR = Pattern.compile("VARCHAR(?:\\((\\d+)\\))?");
  private static final Pattern NUMERIC = Pattern.compile("NUMERIC(?:\\((\\d+)(?:,(\\d+))?\\))?");

  private SqlText() {}

  /** The table or column a name denotes: quotes dropped, schema dropped, lower case. */
  static String name(String raw) {
    String n = raw.replace("\"", "");
    int dot = n.lastIndexOf('.');
    return (dot < 0 ? n : n.substring(dot + 1)).toLowerCase(Locale.ROOT);
  }

  /** Splits at commas outside parentheses and quotes. */
  static List<String> topLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    parts.add(text.substring(start).strip());
    return parts;
  }

  /** The columns and their types declared in a CREATE TABLE body. */
  static void columns(String body, Map<String, String> into) {
    for (String part : topLevel(body)) {
      if (part.matches("^(CONSTRAINT|PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY|EXCLUDE|LIKE)\\b.*")) {
        continue;
      }
      column(part).ifPresent(c -> into.put(c[0], c[1]));
    }
  }

  /** {name, type} of a column definition such as {@code EMAIL VARCHAR(254) NOT NULL}. */
  static Optional<String[]> column(String definition) {
    Matcher m = COLUMN.matcher(definition.strip());
    return m.matches()
        ? Optional.of(new String[] {name(m.group(1)), type(m.group(2))})
        : Optional.empty();
  }

  /** A type spelled one way: CHARACTER VARYING as VARCHAR, DECIMAL as NUMERIC, no blanks. */
  static String type(String raw) {
    return raw.strip()
        .replace("CHARACTER VARYING", "VARCHAR")
        .replace("DECIMAL", "NUMERIC")
        .replace(" ", "");
  }

  /**
   * Whether PostgreSQL changes {@code from} to {@code to} without rewriting the table: the same
   * type, a longer or unbounded varchar or text from varchar, more precision at the same scale.
   */
  static boolean widens(String from, String to) {
    if (from.equals(to)) {
      return true;
    }
    Matcher fromVarchar = VARCHAR.matcher(from);
    if (fromVarchar.matches()) {
      if (to.equals("TEXT")) {
        return true;
      }
      Matcher toVarchar = VARCHAR.matcher(to);
      return toVarchar.matches()
          && (toVarchar.group(1) == null
              || fromVarchar.group(1) != null
                  && Integer.parseInt(toVarchar.group(1))
                      >= Integer.parseInt(fromVarchar.group(1)));
    }
    Matcher fromNumeric = NUMERIC.matcher(from);
    Matcher toNumeric = NUMERIC.matcher(to);
    if (fromNumeric.matches() && toNumeric.matches()) {
      if (toNumeric.group(1) == null) {
        return true;
      }
      if (fromNumeric.group(1) == null) {
        return false;
      }
      String fromScale = fromNumeric.group(2) == null ? "0" : fromNumeric.group(2);
      String toScale = toNumeric.group(2) == null ? "0" : toNumeric.group(2);
      return fromScale.equals(toScale)
          && Integer.parseInt(toNumeric.group(1)) >= Integer.parseInt(fromNumeric.group(1));
    }
    return false;
  }

  static boolean isJson(String type) {
    return type.equals("JSON") || type.equals("JSON[]");
  }
}
