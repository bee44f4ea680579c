package com.datamingle.domain.archviolation;

import java.sql.Connection;

/** Deliberately bad: a domain class that holds a JDBC connection. */
public class DomainUsesJdbc {
  Connection connection;
}
