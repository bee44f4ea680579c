package com.datamingle.adapter.web.archviolation;

import com.datamingle.application.service.ApplicationServices;

/** Deliberately bad: an adapter reaching the services instead of the inbound ports. */
public class WebUsesService {
  ApplicationServices services;
}
