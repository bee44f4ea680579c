package com.datamingle.migrations.lint;

import java.util.List;

/**
 * One statement of a script's up section as MyBatis Migrations sends it: its first line (1-based,
 * in the file), its text, and the comment lines written since the previous statement.
 */
public record ScriptStatement(int line, String text, List<Comment> comments) {

  /** A comment line of the script and its line number. */
  public record Comment(int line, String text) {}

  public ScriptStatement {
    comments = List.copyOf(comments);
  }

  /**
   * The statement with comments removed, blanks collapsed and upper-cased outside quotes, for
   * matching; identifiers in double quotes keep their case.
   */
  String normalized() {
    StringBuilder b = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '-' && text.startsWith("--", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
      } else if (c == '/' && text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
        b.append(' ');
      } else if (c == '\'' || c == '"') {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != c) {
          end++;
        }
        end = Math.min(end + 1, text.length());
        b.append(text, i, end);
        i = end;
      } else {
        b.append(Character.isWhitespace(c) ? ' ' : Character.toUpperCase(c));
        i++;
      }
    }
    return b.toString().replaceAll(" +", " ").strip();
  }
}
