package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.migrations.MigrationListener;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to serve: dev mode, whether to migrate first, whether to serve a drifted schema, where dev
 * mode keeps its key, where to print what happens, and the lint rules {@code --migrate} lets
 * through ({@code --allow}).
 */
public record ServeOptions(
    boolean dev,
    boolean migrate,
    boolean allowDrift,
    Path devDir,
    MigrationListener progress,
    Consumer<String> say,
    Set<String> allowLint) {
  public ServeOptions {
    allowLint = Set.copyOf(allowLint);
  }

  /** Options that allow no lint rule. */
  public ServeOptions(
      boolean dev,
      boolean migrate,
      boolean allowDrift,
      Path devDir,
      MigrationListener progress,
      Consumer<String> say) {
    this(dev, migrate, allowDrift, devDir, progress, say, Set.of());
  }
}
