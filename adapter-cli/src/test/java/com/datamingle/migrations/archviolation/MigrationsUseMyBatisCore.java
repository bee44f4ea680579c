package com.datamingle.migrations.archviolation;

import org.apache.ibatis.session.Configuration;

/** Deliberately bad: MyBatis core (not Migrations) outside persistence. */
public class MigrationsUseMyBatisCore {
  Configuration configuration;
}
