package com.datamingle.adapter.cli.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a {@link CliDatabaseTest} once on SQLite and once on PostgreSQL (its constructor takes the
 * {@link CliDatabase.Kind}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass
@EnumSource(CliDatabase.Kind.class)
@interface OnEachDatabase {}
