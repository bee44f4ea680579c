package com.datamingle.adapter.persistence.change;

/** One row of {@code cache_changes}. */
record ChangeRow(long seq, String payload) {}
