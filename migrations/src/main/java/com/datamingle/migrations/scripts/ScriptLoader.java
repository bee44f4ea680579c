package com.datamingle.migrations.scripts;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.MigrationLoader;
import org.apache.ibatis.migration.MigrationReader;

/**
 * MyBatis Migrations loader over a {@link ScriptSource}: one dialect's scripts, named {@code
 * <14-digit id>_<description>.sql}, in id order. A file whose name does not follow the pattern is
 * refused rather than skipped, so a typo cannot hide a migration.
 */
public final class ScriptLoader implements MigrationLoader {
  static final Pattern FILE_NAME = Pattern.compile("(\\d{14})_([a-z0-9][a-z0-9_]*)\\.sql");
  private final ScriptSource source;
  private final Dialect dialect;
  private final Properties variables = new Properties();
  private final Set<String> only;

  public ScriptLoader(ScriptSource source, Dialect dialect) {
    this(source, dialect, null);
  }

  private ScriptLoader(ScriptSource source, Dialect dialect, Set<String> only) {
    this.source = source;
    this.dialect = dialect;
    this.only = only;
    variables.setProperty("changelog", Changelog.TABLE);
  }

  /** The same scripts, but only those whose id is one of {@code ids}. */
  public ScriptLoader only(Set<String> ids) {
    return new ScriptLoader(source, dialect, Set.copyOf(ids));
  }

  @Override
  public List<Change> getMigrations() {
    List<Change> changes = new ArrayList<>();
    for (String name : source.list(dialect)) {
      if (name.equals("README.md")
          || name.equals("bootstrap.sql")
          || name.equals("onabort.sql")
          || name.startsWith(".")) {
        continue;
      }
      var matcher = FILE_NAME.matcher(name);
      if (!matcher.matches()) {
        throw new MigrationFailure(
            "migration script name '"
                + name
                + "' in "
                + source.describe(dialect)
                + " is not <yyyyMMddHHmmss>_<description>.sql (lower case, digits and _); rename"
                + " it");
      }
      Change change = new Change(new BigDecimal(matcher.group(1)));
      change.setDescription(matcher.group(2).replace('_', ' '));
      change.setFilename(name);
      changes.add(change);
    }
    Collections.sort(changes);
    for (int i = 1; i < changes.size(); i++) {
      if (changes.get(i).getId().equals(changes.get(i - 1).getId())) {
        throw new MigrationFailure(
            "two migration scripts share the id "
                + changes.get(i).getId()
                + ": "
                + changes.get(i - 1).getFilename()
                + " and "
                + changes.get(i).getFilename()
                + "; give one a new id");
      }
    }
    if (only != null) {
      changes.removeIf(c -> !only.contains(c.getId().toPlainString()));
    }
    return changes;
  }

  @Override
  public Reader getScriptReader(Change change, boolean undo) {
    return reader(change.getFilename(), undo);
  }

  @Override
  public Reader getBootstrapReader() {
    return null;
  }

  @Override
  public Reader getOnAbortReader() {
    return null;
  }

  /** A script's whole text as it is now (both sections, comments included). */
  public String text(String fileName) {
    return new String(bytes(fileName), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The {@link Checksum} of a script as it is now. */
  public String checksum(String fileName) {
    return Checksum.of(bytes(fileName));
  }

  private byte[] bytes(String fileName) {
    try (var in =
        source
            .open(dialect, fileName)
            .orElseThrow(
                () ->
                    new MigrationFailure(
                        "migration script " + fileName + " vanished while being read"))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new MigrationFailure(
          "cannot read migration script " + fileName + ": " + e.getMessage(), e);
    }
  }

  /** True when the script's undo section holds a statement (not only blanks and comments). */
  public boolean hasUndo(String fileName) {
    try (BufferedReader reader = new BufferedReader(reader(fileName, true))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("--") && !t.startsWith("//")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new MigrationFailure("cannot read " + fileName + ": " + e.getMessage(), e);
    }
  }

  private Reader reader(String fileName, boolean undo) {
    try {
      InputStream in =
          source
              .open(dialect, fileName)
              .orElseThrow(
                  () ->
                      new MigrationFailure(
                          "migration script "
                              + fileName
                              + " is missing from "
                              + source.describe(dialect)));
      return new MigrationReader(in, "UTF-8", undo, variables);
    } catch (IOException e) {
      throw new MigrationFailure(
          "cannot read migration script " + fileName + ": " + e.getMessage(), e);
    }
  }
}
