package org.layerlab.app.model.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.graph.ModelGraph;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.Layout.Position;
import org.layerlab.model.template.ModelTemplate;

class GraphLayoutTest {

  private static final double W = CanvasViewModel.NODE_WIDTH;
  private static final double H = CanvasViewModel.NODE_HEIGHT;
  private final GraphLayout layout = new GraphLayout(W, H);

  @Test
  void everyLayerSitsOnTheRowOfItsLongestPathFromTheInputInAResidualNetwork() {
    ModelSpec resnet = ModelTemplate.RESNET_SMALL.model();

    GraphLayout.Result r = layout.layout(resnet);

    ModelGraph graph = ModelGraph.of(resnet);
    for (ModelGraph.Edge e : graph.edges()) {
      assertTrue(
          r.rows().get(resnet.layer(e.to()).id()) > r.rows().get(resnet.layer(e.from()).id()),
          "every wire points down: " + resnet.layer(e.from()).id() + " -> " + resnet.layer(e.to()).id());
    }
    assertEquals(0, r.rows().get("input"));
    // stage 2: the main path conv1-bn1-relu1-conv2-bn2 is longer than the shortcut proj-proj_bn, so the Add waits for it
    int relu = r.rows().get("stage1_relu2");
    assertEquals(relu + 1, r.rows().get("stage2_conv1"));
    assertEquals(relu + 1, r.rows().get("stage2_proj"));
    assertEquals(relu + 5, r.rows().get("stage2_bn2"));
    assertEquals(relu + 6, r.rows().get("stage2_add"));
    // the identity shortcut of stage 1 spans six rows and is routed beside the block, through bend points
    List<Position> bends = r.bends().get(new GraphLayout.WireKey("stem_relu", "stage1_add", 1));
    assertEquals(2 * 5, bends.size(), "two points on each of the five rows it crosses");
    double blockX = r.positions().get("stage1_conv2").x();
    for (Position p : bends) {
      assertFalse(p.x() > blockX && p.x() < blockX + W, "the shortcut runs beside the block, not through it");
    }
  }

  @Test
  void nodesOfARowNeverOverlapAndRowsNeverTouch() {
    for (ModelTemplate t : ModelTemplate.values()) {
      GraphLayout.Result r = layout.layout(t.model());
      List<Map.Entry<String, Position>> all = List.copyOf(r.positions().entrySet());
      for (int i = 0; i < all.size(); i++) {
        for (int j = i + 1; j < all.size(); j++) {
          Position a = all.get(i).getValue();
          Position b = all.get(j).getValue();
          boolean overlap = a.x() < b.x() + W && b.x() < a.x() + W && a.y() < b.y() + H && b.y() < a.y() + H;
          assertFalse(overlap, t + ": " + all.get(i).getKey() + " overlaps " + all.get(j).getKey());
        }
      }
    }
  }

  @Test
  void twoBranchesFromOneLayerSitSideBySideWithoutCrossing() {
    // input -> a, input -> b, concat(b, a): the order of the merge's ports puts b left of a
    ModelSpec branches =
        ModelSpec.of(
            LayerSpec.of("input", LayerType.INPUT),
            LayerSpec.of("a", LayerType.DENSE).withInputs("input"),
            LayerSpec.of("b", LayerType.DENSE).withInputs("input"),
            LayerSpec.of("join", LayerType.CONCATENATE).withInputs("b", "a"));

    GraphLayout.Result r = layout.layout(branches);

    assertEquals(r.rows().get("a"), r.rows().get("b"));
    assertEquals(2, r.rows().get("join"));
    double a = r.positions().get("a").x();
    double b = r.positions().get("b").x();
    assertTrue(Math.abs(a - b) >= W, "side by side");
    double join = r.positions().get("join").x() + W / 2;
    assertEquals((a + b) / 2 + W / 2, join, 1e-6, "the merge sits centred under its two inputs");
    double input = r.positions().get("input").x() + W / 2;
    assertEquals(join, input, 1e-6, "and the input above them");
  }

  @Test
  void aCycleDrawnByTheUserStillGetsEveryNodeARow() {
    ModelSpec cycle =
        ModelSpec.of(
            LayerSpec.of("input", LayerType.INPUT),
            LayerSpec.of("a", LayerType.DENSE).withInputs("b"),
            LayerSpec.of("b", LayerType.DENSE).withInputs("a"));

    GraphLayout.Result r = layout.layout(cycle);

    assertEquals(3, r.positions().size());
    assertTrue(r.rows().values().stream().allMatch(row -> row >= 0));
  }

  @Test
  void fewerCrossingsThanTheListOrder() {
    // the list order a, b under x, y wires x->b and y->a: drawn as listed they cross; the layout uncrosses them
    ModelSpec crossed =
        ModelSpec.of(
            LayerSpec.of("input", LayerType.INPUT),
            LayerSpec.of("x", LayerType.DENSE).withInputs("input"),
            LayerSpec.of("y", LayerType.DENSE).withInputs("input"),
            LayerSpec.of("a", LayerType.DENSE).withInputs("y"),
            LayerSpec.of("b", LayerType.DENSE).withInputs("x"));

    GraphLayout.Result r = layout.layout(crossed);

    boolean xLeft = r.positions().get("x").x() < r.positions().get("y").x();
    boolean bLeft = r.positions().get("b").x() < r.positions().get("a").x();
    assertEquals(xLeft, bLeft, "x's reader is on x's side");
  }
}
