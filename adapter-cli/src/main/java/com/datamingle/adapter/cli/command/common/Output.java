package com.datamingle.adapter.cli.command.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Human tables and machine JSON (one compact line, written by Jackson) for command output. */
public final class Output {
  /** Made on first use: Jackson's ~400 classes cost a table-printing command ~100 ms. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private Output() {}

  /** Prints rows under a header, each column as wide as its widest cell. */
  public static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], cell(row.get(i)).length());
      }
    }
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String c = cell(row.get(i));
        line.append(c);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - c.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String cell(String value) {
    return value == null ? "-" : value;
  }

  /**
   * An ordered JSON object: its keys are written in the order they are put, starting with the given
   * keys and values (alternating; a value may be null).
   */
  public static Map<String, Object> object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "keys and values come in pairs, but " + keysAndValues.length + " were given");
    }
    Map<String, Object> o = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      o.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return o;
  }

  /** Files as JSON shows them: absolute paths. */
  public static List<String> paths(List<Path> files) {
    return files.stream().map(p -> p.toAbsolutePath().toString()).toList();
  }

  /** The value as one line of JSON: maps, lists, records with Jackson annotations, scalars. */
  public static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
