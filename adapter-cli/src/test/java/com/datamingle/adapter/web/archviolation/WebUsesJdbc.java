package com.datamingle.adapter.web.archviolation;

import java.sql.Connection;
import javax.sql.DataSource;

/** Deliberately bad: JDBC in the web adapter. */
public class WebUsesJdbc {
  Connection connection;
  DataSource dataSource;
}
