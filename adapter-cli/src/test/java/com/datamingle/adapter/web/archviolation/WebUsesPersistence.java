package com.datamingle.adapter.web.archviolation;

import com.datamingle.adapter.persistence.PersistenceModule;

/** Deliberately bad: one adapter using another outside the composition root. */
public class WebUsesPersistence {
  PersistenceModule persistence;
}
