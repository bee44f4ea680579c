package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.migrations.MigrationListener;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to serve: dev mode, whether to migrate first, whether to serve a drifted schema, where dev
 * mode keeps its key, where to print what happens, the lint rules {@code --migrate} lets through
 * ({@code --allow}), and how long to warm up before reporting ready ({@link WarmUpBudget}).
 */
public record ServeOptions(
    boolean dev,
    boolean migrate,
    boolean allowDrift,
    Path devDir,
    MigrationListener progress,
    Consumer<String> say,
    Set<String> allowLint,
    WarmUpBudget warmUp) {
  public ServeOptions {
    allowLint = Set.copyOf(allowLint);
  }
}
