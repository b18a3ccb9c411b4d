package org.layerlab.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.add;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.input;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;

class ModelGraphTest {

  @Test
  void layersWithoutInputsReadThePreviousLayer() {
    ModelGraph g = ModelGraph.of(ModelSpec.of(input(2), dense("a", 3), dense("b", 3)));

    assertEquals(List.of(new ModelGraph.Edge(0, 1, 0), new ModelGraph.Edge(1, 2, 0)), g.edges());
    assertEquals(List.of(), g.inputs(0));
    assertEquals(List.of(2), g.consumers(1));
    assertEquals(List.of(2), g.sinks());
  }

  @Test
  void explicitInputsMakeBranchesAndPortsInOrder() {
    ModelGraph g = ModelGraph.of(ModelSpec.of(input(2), dense("a", 2), dense("b", 2).withInputs("input"), add("sum", "b", "a")));

    assertEquals(List.of(2, 1), g.inputs(3));
    assertEquals(List.of(1, 2), g.consumers(0));
    assertTrue(g.edges().contains(new ModelGraph.Edge(2, 3, 0)));
    assertTrue(g.edges().contains(new ModelGraph.Edge(1, 3, 1)));
  }

  @Test
  void implicitInputFollowsPositionEvenWithDuplicateIds() {
    ModelGraph g = ModelGraph.of(ModelSpec.of(input(2), dense("x", 2), dense("x", 2), dense("y", 2)));

    assertEquals(List.of(2), g.inputs(3)); // the second x, by position
    assertEquals(1, g.indexOf("x")); // an id names the first layer that has it
  }

  @Test
  void portsThatReadNothingAreOpen() {
    ModelGraph g = ModelGraph.of(ModelSpec.of(input(2), add("sum", "input", LayerSpec.UNCONNECTED, "ghost")));

    assertEquals(List.of(0, -1, -1), g.inputs(1));
    assertEquals(1, g.connectedInputs(1));
    List<ModelGraph.OpenPort> open = g.openPorts();
    assertEquals(2, open.size());
    assertTrue(open.get(0).unconnected());
    assertEquals("ghost", open.get(1).source());
    assertFalse(open.get(1).unconnected());
  }

  @Test
  void topologicalOrderKeepsListOrderWhereItCan() {
    // out reads hidden, which comes after it in the list
    ModelGraph g = ModelGraph.of(ModelSpec.of(input(2), dense("out", 2).withInputs("hidden"), dense("hidden", 2).withInputs("input"), dense("side", 2).withInputs("input")));

    assertEquals(List.of(0, 2, 1, 3), g.topologicalOrder());
  }

  @Test
  void cyclesStartAtTheirEarliestLayerAndLeaveTheOrder() {
    ModelGraph g =
        ModelGraph.of(ModelSpec.of(input(2), dense("a", 2).withInputs("c"), dense("b", 2), dense("c", 2), dense("d", 2)));

    assertEquals(List.of(List.of(1, 2, 3)), g.cycles());
    assertFalse(g.isAcyclic());
    assertEquals(List.of(0), g.topologicalOrder()); // a, b, c loop and d reads c
  }

  @Test
  void separateCyclesAreFoundEach() {
    ModelGraph g =
        ModelGraph.of(ModelSpec.of(input(2), dense("a", 2).withInputs("a"), dense("b", 2).withInputs("c"), dense("c", 2).withInputs("b")));

    assertEquals(List.of(List.of(1), List.of(2, 3)), g.cycles());
  }

  @Test
  void longChainNeedsNoDeepRecursion() {
    LayerSpec[] layers = new LayerSpec[20_001];
    layers[0] = input(2);
    for (int i = 1; i < layers.length; i++) {
      layers[i] = dense("d" + i, 2);
    }

    ModelGraph g = ModelGraph.of(ModelSpec.of(layers));

    assertTrue(g.isAcyclic());
    assertEquals(layers.length, g.topologicalOrder().size());
  }
}
