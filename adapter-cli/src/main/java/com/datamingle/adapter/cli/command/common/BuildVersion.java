package com.datamingle.adapter.cli.command.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code datamingle --version} prints: the version, the commit and the build date the build
 * wrote into {@code build.properties}; {@code unknown} for what it could not know (a build outside
 * a git checkout, or classes run without the build's resource filtering).
 */
public final class BuildVersion implements IVersionProvider {
  static final String RESOURCE = "/com/datamingle/adapter/cli/build.properties";

  @Override
  public String[] getVersion() {
    return lines(read());
  }

  static String[] lines(Properties build) {
    return new String[] {
      "datamingle " + value(build, "version"),
      "commit " + value(build, "commit"),
      "built " + value(build, "built")
    };
  }

  private static String value(Properties build, String key) {
    String v = build.getProperty(key, "").strip();
    return v.isEmpty() || v.contains("${") ? "unknown" : v;
  }

  private static Properties read() {
    Properties build = new Properties();
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build;
  }
}
