package com.datamingle.adapter.persistence.archviolation;

/** Deliberately bad: JSON outside the web and command-line adapters. */
public class PersistenceUsesJackson {
  com.fasterxml.jackson.databind.ObjectMapper json;
}
