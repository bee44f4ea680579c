package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.migrations.MigrationListener;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to serve: dev mode, whether to migrate first, whether to serve a drifted schema, where dev
 * mode keeps its key, and where to print what happens.
 */
public record ServeOptions(
    boolean dev,
    boolean migrate,
    boolean allowDrift,
    Path devDir,
    MigrationListener progress,
    Consumer<String> say) {}
