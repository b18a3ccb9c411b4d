package org.layerlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.flatten;
import static org.layerlab.model.TestLayers.input;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layerlab.model.layer.LayerType;

class ModelSpecTest {

  private final ModelSpec abc = ModelSpec.of(input(2), dense("a", 8), dense("b", 8), dense("c", 3));

  private static List<String> ids(ModelSpec spec) {
    return spec.layers().stream().map(LayerSpec::id).toList();
  }

  @Test
  void insertAddsTheLayerAtTheIndexAndLeavesTheOriginal() {
    ModelSpec edited = abc.insert(2, flatten("f"));

    assertEquals(List.of("input", "a", "f", "b", "c"), ids(edited));
    assertEquals(List.of("input", "a", "b", "c"), ids(abc));
  }

  @Test
  void insertAtSizeAppends() {
    assertEquals(List.of("input", "a", "b", "c", "d"), ids(abc.insert(abc.size(), dense("d", 3))));
  }

  @Test
  void insertBeyondTheEndIsRefused() {
    assertThrows(IndexOutOfBoundsException.class, () -> abc.insert(abc.size() + 1, dense("d", 3)));
  }

  @Test
  void removeDropsTheLayerAtTheIndexAndLeavesTheOriginal() {
    ModelSpec edited = abc.remove(1);

    assertEquals(List.of("input", "b", "c"), ids(edited));
    assertEquals(List.of("input", "a", "b", "c"), ids(abc));
  }

  @ParameterizedTest(name = "move {0} -> {1}")
  @CsvSource({
    "1, 3, 'input,b,c,a'", // down: a ends at index 3
    "3, 1, 'input,c,a,b'", // up: c ends at index 1
    "2, 2, 'input,a,b,c'", // in place
    "0, 1, 'a,input,b,c'",
  })
  void moveLeavesTheLayerAtTheTargetIndex(int from, int to, String expected) {
    String movedId = abc.layer(from).id();

    ModelSpec edited = abc.move(from, to);

    assertEquals(List.of(expected.split(",")), ids(edited));
    assertEquals(movedId, edited.layer(to).id());
    assertEquals(List.of("input", "a", "b", "c"), ids(abc));
  }

  @Test
  void replacePutsTheNewLayerInPlaceAndLeavesTheOriginal() {
    LayerSpec wider = abc.layer(1).with("units", 128);

    ModelSpec edited = abc.replace(1, wider);

    assertEquals(128, edited.layer(1).intSetting("units"));
    assertEquals(8, abc.layer(1).intSetting("units"));
    assertEquals(abc.size(), edited.size());
  }

  @Test
  void specsCompareByTheirLayers() {
    assertEquals(abc, ModelSpec.of(input(2), dense("a", 8), dense("b", 8), dense("c", 3)));
    assertNotEquals(abc, abc.remove(3));
  }

  @Test
  void layersCannotBeChangedFromOutside() {
    List<LayerSpec> source = new ArrayList<>(List.of(input(2), dense("a", 3)));
    ModelSpec spec = new ModelSpec(source);

    source.add(dense("b", 3));

    assertEquals(2, spec.size());
    assertThrows(UnsupportedOperationException.class, () -> spec.layers().add(dense("c", 3)));
  }

  @Test
  void indexOfFindsAnIdOrReturnsMinusOne() {
    assertEquals(2, abc.indexOf("b"));
    assertEquals(-1, abc.indexOf("missing"));
  }

  @Test
  void freshIdNumbersTheTypeFromOne() {
    assertEquals("dense1", ModelSpec.of(input(2)).freshId(LayerType.DENSE));
    assertEquals("conv2d1", ModelSpec.of(input(2)).freshId(LayerType.CONV2D));
  }

  @Test
  void freshIdSkipsIdsInUse() {
    ModelSpec spec = ModelSpec.of(input(2), dense("dense1", 8), dense("dense2", 8), dense("dense4", 3));

    String id = spec.freshId(LayerType.DENSE);

    assertEquals("dense3", id);
    assertEquals(-1, spec.indexOf(id));
    assertEquals(4, spec.size());
  }

  @Test
  void freshIdIgnoresIdsOfOtherStems() {
    ModelSpec spec = ModelSpec.of(input(2), dense("flatten1", 8));

    assertEquals("flatten2", spec.freshId(LayerType.FLATTEN));
    assertEquals("input1", spec.freshId(LayerType.INPUT));
  }
}
