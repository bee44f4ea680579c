package com.datamingle.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The runnable jar `mvn package` builds before the ITs run, started as an operator starts it. */
public final class PackagedJar {
  private PackagedJar() {}

  /** {@code java -jar datamingle.jar ARGS}, with this JVM's java. */
  public static List<String> command(String... args) {
    Path jar = Path.of(System.getProperty("datamingle.jar", "target/datamingle.jar"));
    assertThat(jar).as("the packaged jar (run mvn verify)").exists();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return command;
  }
}
