package com.datamingle.adapter.cli.bootstrap.archviolation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

/** Deliberately bad: the composition root building the pool itself, and JSON outside the web. */
public class BootstrapUsesHikari {
  HikariDataSource pool;
  ObjectMapper json;
}
