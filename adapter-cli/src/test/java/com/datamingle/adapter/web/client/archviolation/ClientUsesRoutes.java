package com.datamingle.adapter.web.client.archviolation;

import com.datamingle.adapter.web.error.ErrorMapping;

/**
 * Deliberately bad: an outbound client answering HTTP requests through the inbound error mapper.
 */
public class ClientUsesRoutes {
  ErrorMapping errors;
}
