package com.datamingle.adapter.cli.bootstrap.archviolation;

import com.zaxxer.hikari.HikariDataSource;

/** Deliberately bad: the composition root building the pool itself. */
public class BootstrapUsesHikari {
  HikariDataSource pool;
}
