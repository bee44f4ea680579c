package com.datamingle.adapter.cli.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, extracted once into the launcher's cache folder (system property {@code
 * datamingle.native.dir}) instead of into the temporary folder on every start, which is what
 * sqlite-jdbc does by itself. It then loads the cached copy ({@code org.sqlite.lib.path}). The
 * copy's folder is named after the sqlite-jdbc version, so a jar with another version extracts its
 * own. Without the property, or when the folder cannot be written, nothing changes.
 */
public final class SqliteNativeLibrary {
  static final String DIRECTORY_PROPERTY = "datamingle.native.dir";
  private static final String VERSION = "/META-INF/maven/org.xerial/sqlite-jdbc/pom.properties";

  private SqliteNativeLibrary() {}

  /** Points sqlite-jdbc at the cached library, extracting it first when it is not there yet. */
  public static void useCache() {
    String directory = System.getProperty(DIRECTORY_PROPERTY);
    if (directory == null || System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    try {
      Path library = extracted(Path.of(directory));
      if (library != null) {
        System.setProperty("org.sqlite.lib.path", library.getParent().toString());
        System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
      }
    } catch (IOException | RuntimeException e) {
      // sqlite-jdbc extracts the library itself, as without a cache
    }
  }

  private static Path extracted(Path cache) throws IOException {
    String version = version();
    if (version == null) {
      return null;
    }
    // named by the JVM's own platform properties: sqlite-jdbc's OSInfo, which finds the library in
    // the jar, starts a process (uname) to tell its platforms apart, so only a miss asks it
    String platform = System.getProperty("os.name") + "-" + System.getProperty("os.arch");
    String name = LibraryLoaderUtil.getNativeLibName();
    Path library =
        cache.resolve("sqlite-jdbc-" + version).resolve(platform.replace(' ', '_')).resolve(name);
    if (Files.isRegularFile(library)) {
      return library;
    }
    String resource = LibraryLoaderUtil.getNativeLibResourcePath();
    try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource + "/" + name)) {
      if (in == null) {
        return null;
      }
      Files.createDirectories(library.getParent());
      Path partial = Files.createTempFile(library.getParent(), name, ".partial");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    return library;
  }

  private static String version() throws IOException {
    try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(VERSION)) {
      if (in == null) {
        return null;
      }
      Properties pom = new Properties();
      pom.load(in);
      return pom.getProperty("version");
    }
  }
}
