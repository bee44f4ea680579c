package com.datamingle.migrations.lint;

/**
 * A migration script given to the linter: its file name, dialect and text, and whether its findings
 * are reported ({@code checked}) or it is only read to know the schema the later scripts change.
 */
public record LintScript(String fileName, SqlDialect dialect, String text, boolean checked) {}
