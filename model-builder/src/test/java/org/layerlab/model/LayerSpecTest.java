package org.layerlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.model.layer.LayerType;

class LayerSpecTest {

  @Test
  void leftOutSettingsTakeTheTypeDefaults() {
    LayerSpec conv = LayerSpec.of("conv1", LayerType.CONV2D);

    // dilation and groups came with the graph catalog; they follow the first five so older files read the same
    assertEquals(
        List.of("filters", "kernel", "stride", "padding", "activation", "dilation", "groups"), List.copyOf(conv.settings().keySet()));
    assertEquals(32, conv.intSetting("filters"));
    assertEquals(3, conv.intSetting("kernel"));
    assertEquals(1, conv.intSetting("stride"));
    assertEquals("valid", conv.stringSetting("padding"));
    assertEquals("none", conv.stringSetting("activation"));
    assertEquals(1, conv.intSetting("dilation"));
    assertEquals(1, conv.intSetting("groups"));
  }

  @Test
  void settingsAreNormalisedOnTheWayIn() {
    LayerSpec layer = new LayerSpec("in", LayerType.INPUT, Map.of("shape", "1, 28, 28"));

    assertEquals(List.of(1, 28, 28), layer.intListSetting("shape"));
    assertEquals(0.25, new LayerSpec("d", LayerType.DROPOUT, Map.of("rate", "0.25")).doubleSetting("rate"));
    assertEquals("same", LayerSpec.of("c", LayerType.CONV2D).with("padding", " Same ").stringSetting("padding"));
  }

  @Test
  void withChangesOneSettingOfACopy() {
    LayerSpec dense = LayerSpec.of("dense1", LayerType.DENSE);

    LayerSpec wider = dense.with("units", "256");

    assertEquals(256, wider.intSetting("units"));
    assertEquals(64, dense.intSetting("units"));
    assertEquals("none", wider.stringSetting("activation"));
  }

  @Test
  void withAnUnknownSettingNamesTheKnownOnes() {
    LayerSpec dense = LayerSpec.of("dense1", LayerType.DENSE);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dense.with("unit", 3));

    assertTrue(e.getMessage().contains("'unit'"), e.getMessage());
    assertTrue(e.getMessage().contains("units, activation"), e.getMessage());
  }

  @Test
  void settingsCannotBeChangedFromOutside() {
    LayerSpec dense = LayerSpec.of("dense1", LayerType.DENSE);

    assertThrows(UnsupportedOperationException.class, () -> dense.settings().put("units", 1));
  }

  @Test
  void withIdKeepsTypeAndSettings() {
    LayerSpec dense = LayerSpec.of("dense1", LayerType.DENSE).with("units", 7);

    LayerSpec renamed = dense.withId("hidden");

    assertEquals("hidden", renamed.id());
    assertEquals(dense.settings(), renamed.settings());
    assertEquals("dense1", dense.id());
  }
}
