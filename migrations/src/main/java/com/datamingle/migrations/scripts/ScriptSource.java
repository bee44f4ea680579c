package com.datamingle.migrations.scripts;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where migration scripts come from: the scripts packaged in this module (the default, which works
 * from inside the runnable jar), or a folder on disk holding one sub-folder per dialect.
 */
public abstract class ScriptSource {
  static final String PACKAGED_ROOT = "com/datamingle/migrations/scripts/";

  /** The scripts shipped with this build. */
  public static ScriptSource packaged() {
    return new Packaged(ScriptSource.class.getClassLoader(), PACKAGED_ROOT);
  }

  /** Scripts under {@code root/sqlite} and {@code root/postgresql}. */
  public static ScriptSource directory(Path root) {
    return new Directory(root);
  }

  /** File names of the scripts of one dialect, unsorted. */
  public abstract List<String> list(Dialect dialect);

  /** Opens one script; empty when it is not there. */
  public abstract Optional<InputStream> open(Dialect dialect, String fileName) throws IOException;

  /** Where the scripts are, for messages. */
  public abstract String describe(Dialect dialect);

  /** The folder scripts are written to, when the source is a folder. */
  public Optional<Path> folder(Dialect dialect) {
    return Optional.empty();
  }

  private static final class Packaged extends ScriptSource {
    private final ClassLoader classLoader;
    private final String root;

    Packaged(ClassLoader classLoader, String root) {
      this.classLoader = classLoader;
      this.root = root;
    }

    @Override
    public List<String> list(Dialect dialect) {
      String base = root + dialect.id() + "/";
      TreeSet<String> names = new TreeSet<>();
      try {
        for (Enumeration<URL> urls = classLoader.getResources(base); urls.hasMoreElements(); ) {
          URL url = urls.nextElement();
          if ("jar".equals(url.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
              for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith(base)
                    && name.length() > base.length()
                    && name.indexOf('/', base.length()) < 0) {
                  names.add(name.substring(base.length()));
                }
              }
            }
          } else if ("file".equals(url.getProtocol())) {
            String[] files = new File(url.toURI()).list();
            if (files != null) {
              names.addAll(List.of(files));
            }
          }
        }
      } catch (IOException | URISyntaxException e) {
        throw new MigrationFailure(
            "cannot list the packaged migration scripts (" + base + "): " + e.getMessage(), e);
      }
      return new ArrayList<>(names);
    }

    @Override
    public Optional<InputStream> open(Dialect dialect, String fileName) {
      return Optional.ofNullable(
          classLoader.getResourceAsStream(root + dialect.id() + "/" + fileName));
    }

    @Override
    public String describe(Dialect dialect) {
      return "the scripts packaged with datamingle (" + dialect.id() + ")";
    }
  }

  private static final class Directory extends ScriptSource {
    private final Path root;

    Directory(Path root) {
      this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<String> list(Dialect dialect) {
      Path dir = root.resolve(dialect.id());
      if (!Files.isDirectory(dir)) {
        throw new MigrationFailure(
            "no migrations folder "
                + dir
                + "; create it with `datamingle db init "
                + root
                + "` or point --migrations at the right folder");
      }
      try (Stream<Path> files = Files.list(dir)) {
        return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
      } catch (IOException e) {
        throw new MigrationFailure("cannot list " + dir + ": " + e.getMessage(), e);
      }
    }

    @Override
    public Optional<InputStream> open(Dialect dialect, String fileName) throws IOException {
      Path file = root.resolve(dialect.id()).resolve(fileName);
      return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    @Override
    public String describe(Dialect dialect) {
      return root.resolve(dialect.id()).toString();
    }

    @Override
    public Optional<Path> folder(Dialect dialect) {
      return Optional.of(root.resolve(dialect.id()));
    }
  }
}
