package com.datamingle.application.archviolation;

import com.datamingle.adapter.persistence.PersistenceModule;

/** Deliberately bad: the application reaching into an adapter. */
public class ApplicationUsesPersistence {
  PersistenceModule module;
}
