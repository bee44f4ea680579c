package com.datamingle.adapter.persistence.archviolation;

import io.micrometer.core.instrument.MeterRegistry;

/** Deliberately bad: metrics library outside the web adapter. */
public class PersistenceUsesMicrometer {
  MeterRegistry registry;
}
