package com.datamingle.adapter.persistence.archviolation;

import io.javalin.http.Context;
import org.eclipse.jetty.server.Server;

/** Deliberately bad: web types in the persistence adapter. */
public class PersistenceUsesJavalin {
  Context context;
  Server server;
}
