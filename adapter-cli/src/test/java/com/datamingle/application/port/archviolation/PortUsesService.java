package com.datamingle.application.port.archviolation;

import com.datamingle.application.service.ApplicationServices;

/** Deliberately bad: a port that knows the services behind it. */
public interface PortUsesService {
  ApplicationServices services();
}
