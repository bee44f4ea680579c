package com.datamingle.adapter.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The project's own migration scripts and declared schema, copied into a test's folder. */
final class ProjectScripts {
  static final List<String> NAMES =
      List.of(
          "20261124000001_create_changelog.sql",
          "20261124000002_create_users.sql",
          "20261124213504_workos_sync.sql",
          "20261201051000_revocations_and_cache_changes.sql");

  private ProjectScripts() {}

  /** Copies the scripts of both dialects into {@code scripts/sqlite} and {@code postgresql}. */
  static void copyTo(Path scripts) throws IOException {
    for (String d : List.of("sqlite", "postgresql")) {
      Path folder = Files.createDirectories(scripts.resolve(d));
      for (String name : NAMES) {
        copy("/com/datamingle/migrations/scripts/" + d + "/" + name, folder.resolve(name));
      }
    }
  }

  /** Copies the declared schema to {@code file}; returns it. */
  static Path schemaTo(Path file) throws IOException {
    copy("/com/datamingle/adapter/persistence/schema.dmschema", file);
    return file;
  }

  /** Declares a new nullable column users.nickname in the schema file. */
  static void addNickname(Path schema) throws IOException {
    Files.writeString(
        schema,
        Files.readString(schema)
            .replace(
                "  last_session_id      varchar(128)\n",
                "  last_session_id      varchar(128)\n  nickname             varchar(40)\n"));
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = ProjectScripts.class.getResourceAsStream(resource)) {
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
