package com.datamingle.adapter.cli.bootstrap;

/**
 * Where a command finds its settings: the root command, which lays the command line's global flags
 * over the environment. Lets commands in other packages read them.
 */
public interface SettingsSource {
  Settings settings();
}
