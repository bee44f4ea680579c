package com.datamingle.adapter.web.archviolation;

/** Allowed: Jackson inside the web adapter (the rule must let it pass). */
public class WebUsesJackson {
  com.fasterxml.jackson.databind.ObjectMapper mapper;
}
