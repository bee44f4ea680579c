package com.datamingle.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a script's up section into statements the way MyBatis Migrations' ScriptRunner does in
 * line mode: lines starting with {@code --} or {@code //} are comments (a {@code @DELIMITER x}
 * comment changes the delimiter), a statement ends at the first line containing the delimiter, and
 * the {@code -- //@UNDO} line ends the up section. Line numbers are those of the file.
 */
public final class StatementSplitter {
  private static final Pattern UNDO = Pattern.compile("^\\s*(--|//)\\s*//\\s*@UNDO.*");
  private static final Pattern DELIMITER = Pattern.compile("@DELIMITER\\s+(\\S+)");
  static final String NO_TRANSACTION = "datamingle:no-transaction";

  private StatementSplitter() {}

  /** The script's up section, statement by statement. */
  public static List<ScriptStatement> split(String script) {
    List<ScriptStatement> out = new ArrayList<>();
    List<ScriptStatement.Comment> comments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 0;
    String delimiter = ";";
    String[] lines = script.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (UNDO.matcher(line).matches()) {
        break;
      }
      if (trimmed.startsWith("--") || trimmed.startsWith("//")) {
        Matcher d = DELIMITER.matcher(trimmed);
        if (d.find()) {
          delimiter = d.group(1);
        }
        comments.add(new ScriptStatement.Comment(i + 1, trimmed));
        continue;
      }
      if (current.length() == 0 && trimmed.isEmpty()) {
        continue;
      }
      if (current.length() == 0) {
        start = i + 1;
      }
      int end = line.lastIndexOf(delimiter);
      if (end < 0) {
        current.append(line).append('\n');
        continue;
      }
      current.append(line, 0, end);
      String text = current.toString().strip();
      if (!text.isEmpty()) {
        out.add(new ScriptStatement(start, text, comments));
      }
      comments = new ArrayList<>();
      current.setLength(0);
    }
    String rest = current.toString().strip();
    if (!rest.isEmpty()) {
      out.add(new ScriptStatement(start, rest, comments));
    }
    return out;
  }

  /**
   * Whether the script asks to run outside a transaction: a {@code -- datamingle:no-transaction}
   * line among the comments before its first statement.
   */
  public static boolean noTransaction(String script) {
    for (String line : script.replace('\r', '\n').split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.startsWith("--")) {
        return false;
      }
      if (trimmed.substring(2).strip().equals(NO_TRANSACTION)) {
        return true;
      }
    }
    return false;
  }
}
