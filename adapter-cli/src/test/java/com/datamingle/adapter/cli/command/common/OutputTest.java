package com.datamingle.adapter.cli.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Output#object}: keys in the order given, null values kept, unpaired arguments refused. */
class OutputTest {
  @Test
  void anObjectKeepsItsKeysInOrderAndItsNullValues() {
    assertThat(Output.json(Output.object("zeta", 1, "alpha", null, "mid", true)))
        .isEqualTo("{\"zeta\":1,\"alpha\":null,\"mid\":true}");
    assertThat(Output.json(Output.object())).isEqualTo("{}");
  }

  @Test
  void aKeyWithoutItsValueIsRefused() {
    assertThatThrownBy(() -> Output.object("a", 1, "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pairs");
  }
}
