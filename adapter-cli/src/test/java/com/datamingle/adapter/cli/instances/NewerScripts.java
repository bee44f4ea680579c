package com.datamingle.adapter.cli.instances;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.scripts.ScriptSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scripts of a newer build: a scripts folder (DATAMINGLE_MIGRATIONS) holding the packaged
 * scripts of both dialects plus migrations written by the test. The packaged jar, without that
 * folder, is then the older build.
 */
public final class NewerScripts {
  private final Path root;

  private NewerScripts(Path root) {
    this.root = root;
  }

  /** A copy of the packaged scripts in {@code root}/sqlite and {@code root}/postgresql. */
  public static NewerScripts copyPackaged(Path root) {
    try {
      ScriptSource packaged = ScriptSource.packaged();
      for (Dialect dialect : Dialect.values()) {
        Path folder = Files.createDirectories(root.resolve(dialect.id()));
        for (String name : packaged.list(dialect)) {
          try (InputStream in = packaged.open(dialect, name).orElseThrow()) {
            Files.write(folder.resolve(name), in.readAllBytes());
          }
        }
      }
      return new NewerScripts(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds migration {@code id} ({@code yyyyMMddHHmmss}, newer than every packaged one) named {@code
   * description}, with this SQL for PostgreSQL and for SQLite, and an undo.
   */
  public NewerScripts add(
      String id, String description, String postgresql, String sqlite, String undo) {
    write(Dialect.POSTGRESQL, id, description, postgresql, undo);
    write(Dialect.SQLITE, id, description, sqlite, undo);
    return this;
  }

  /** The folder, for DATAMINGLE_MIGRATIONS. */
  public Path root() {
    return root;
  }

  private void write(Dialect dialect, String id, String description, String sql, String undo) {
    String file = id + "_" + description.replace(' ', '_') + ".sql";
    String text = "-- // " + description + "\n" + sql + "\n\n-- //@UNDO\n" + undo + "\n";
    try {
      Files.writeString(root.resolve(dialect.id()).resolve(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
