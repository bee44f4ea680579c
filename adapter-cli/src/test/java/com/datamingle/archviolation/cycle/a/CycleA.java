package com.datamingle.archviolation.cycle.a;

import com.datamingle.archviolation.cycle.b.CycleB;

/** Deliberately bad: half of a package cycle. */
public class CycleA {
  CycleB b;
}
