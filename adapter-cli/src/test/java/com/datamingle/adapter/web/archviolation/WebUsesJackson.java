package com.datamingle.adapter.web.archviolation;

/** Allowed: Jackson inside the web adapter (the negative check pairs it with a violator). */
public class WebUsesJackson {
  com.fasterxml.jackson.databind.ObjectMapper mapper;
}
