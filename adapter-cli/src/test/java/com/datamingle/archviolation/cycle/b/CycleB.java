package com.datamingle.archviolation.cycle.b;

import com.datamingle.archviolation.cycle.a.CycleA;

/** Deliberately bad: the other half of a package cycle. */
public class CycleB {
  CycleA a;
}
