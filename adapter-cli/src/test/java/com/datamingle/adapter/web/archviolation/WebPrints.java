package com.datamingle.adapter.web.archviolation;

/** Deliberately bad: printing to standard output instead of logging. */
public class WebPrints {
  void print() {
    System.out.println("hello");
  }
}
