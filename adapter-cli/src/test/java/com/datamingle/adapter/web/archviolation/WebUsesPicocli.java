package com.datamingle.adapter.web.archviolation;

import picocli.CommandLine;

/** Deliberately bad: the CLI library outside the CLI. */
public class WebUsesPicocli {
  CommandLine commandLine;
}
