package com.datamingle.migrations.lint;

/** A rule that matched a statement, with what it saw there. */
record Hit(Rule rule, String detail) {}
