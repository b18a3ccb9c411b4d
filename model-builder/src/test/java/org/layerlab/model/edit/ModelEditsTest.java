package org.layerlab.model.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.add;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.layer.LayerType;

/** What each edit does to the connections of a model. */
class ModelEditsTest {

  private static List<String> ids(ModelSpec spec) {
    return spec.layers().stream().map(LayerSpec::id).toList();
  }

  /** Every connection as "from->to:port", so two specs can be compared by what feeds what. */
  private static Set<String> connections(ModelSpec spec) {
    Set<String> out = new TreeSet<>();
    for (int i = 0; i < spec.size(); i++) {
      List<String> in = spec.inputsOf(i);
      for (int p = 0; p < in.size(); p++) {
        out.add(in.get(p) + "->" + spec.layer(i).id() + ":" + p);
      }
    }
    return out;
  }

  private static ModelSpec run(ModelSpec model, ModelEdit edit) {
    return edit.execute(model);
  }

  private final ModelSpec chain = ModelSpec.of(input(4), dense("a", 4), dense("b", 4), dense("c", 2));

  @Test
  void addSplicesALayerIntoASequentialStretch() {
    ModelSpec out = run(chain, new AddLayerEdit(2, dense("new", 4)));

    assertEquals(List.of("input", "a", "new", "b", "c"), ids(out));
    assertEquals(List.of("new"), out.inputsOf(3));
    assertTrue(out.isSequential());
  }

  @Test
  void addRefusesANameInUseAndSuggestsAnother() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(chain, AddLayerEdit.append(dense("a", 2))));

    assertTrue(e.getMessage().contains("'a' exists already"), e.getMessage());
  }

  @Test
  void removeFromAChainBridgesTheGap() {
    ModelSpec out = run(chain, new RemoveLayerEdit("b"));

    assertEquals(List.of("input", "a", "c"), ids(out));
    assertTrue(out.isSequential());
    assertTrue(ModelAnalyzer.analyze(out).valid());
  }

  @Test
  void removeALayerThatReadsABranchBridgesTheNextLayerToThatBranch() {
    // side reads input, not a; out reads side implicitly
    ModelSpec branched = ModelSpec.of(input(4), dense("a", 4), dense("side", 4).withInputs("input"), dense("out", 2));

    ModelSpec out = run(branched, new RemoveLayerEdit("side"));

    assertEquals(List.of("input"), out.inputsOf(out.indexOf("out")), "out now reads what side read, not the layer above it");
  }

  @Test
  void removeAMergeLeavesItsReadersUnconnected() {
    ModelSpec residual = ModelSpec.of(input(4), dense("a", 4), add("sum", "a", "input"), dense("out", 2));

    ModelSpec out = run(residual, new RemoveLayerEdit("sum"));

    assertEquals(List.of(LayerSpec.UNCONNECTED), out.find("out").orElseThrow().inputs());
    ModelAnalysis a = ModelAnalyzer.analyze(out);
    assertEquals("has no input: connect a layer to it, or remove it", a.problems().get(0).message());
    // a is read by nothing now: the model has two ends until it is connected again
    assertTrue(a.modelProblems().get(0).contains("connect 'a' to a layer that leads to 'out'"), a.modelProblems()::toString);
  }

  @Test
  void connectMakesAResidualConnectionOnASequentialModel() {
    ModelSpec seq = ModelSpec.of(input(4), dense("a", 4), LayerSpec.of("sum", LayerType.ADD), dense("out", 2));

    ModelSpec out = run(seq, ConnectPortsEdit.toNewPort(seq, "input", "sum"));

    assertEquals(List.of("a", "input"), out.find("sum").orElseThrow().inputs());
    ModelAnalysis a = ModelAnalyzer.analyze(out);
    assertTrue(a.valid(), a.problems()::toString);
  }

  @Test
  void connectingTheLayerAboveToTheFirstPortKeepsTheLayerSequential() {
    ModelSpec out = run(chain, new ConnectPortsEdit("a", "b", 0));

    assertEquals(chain, out);
  }

  @Test
  void connectReplacesWhatAPortRead() {
    ModelSpec out = run(chain, new ConnectPortsEdit("input", "c", 0));

    assertEquals(List.of("input"), out.find("c").orElseThrow().inputs());
  }

  @Test
  void connectToAPortThatDoesNotExistNamesThePorts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(chain, new ConnectPortsEdit("a", "c", 2)));

    assertTrue(e.getMessage().contains("ports 1 to 1"), e.getMessage());
  }

  @Test
  void disconnectRemovesASpareMergePort() {
    ModelSpec three = ModelSpec.of(input(4), dense("a", 4), dense("b", 4), add("sum", "a", "b", "input"));

    ModelSpec out = run(three, new DisconnectPortsEdit("sum", 1));

    assertEquals(List.of("a", "input"), out.find("sum").orElseThrow().inputs());
  }

  @Test
  void disconnectLeavesAnOpenPortWhereTheLayerNeedsIt() {
    ModelSpec two = ModelSpec.of(input(4), dense("a", 4), add("sum", "a", "input"));

    assertEquals(List.of("a", ""), run(two, new DisconnectPortsEdit("sum", 1)).find("sum").orElseThrow().inputs());
    assertEquals(List.of(""), run(chain, new DisconnectPortsEdit("b", 0)).find("b").orElseThrow().inputs());
  }

  @Test
  void changeSettingNormalisesTextAndKeepsOutOfRangeValuesForAnalysis() {
    ModelSpec out = run(chain, new ChangeSettingEdit("a", "units", "0"));

    assertEquals(0, out.find("a").orElseThrow().intSetting("units"));
    assertTrue(ModelAnalyzer.analyze(out).problems().get(0).message().startsWith("units must be a whole number from 1"));
    assertThrows(IllegalArgumentException.class, () -> run(chain, new ChangeSettingEdit("a", "units", "many")));
    assertThrows(IllegalArgumentException.class, () -> run(chain, new ChangeSettingEdit("a", "filters", 3)));
  }

  @Test
  void moveReordersAsTheListEditorExpects() {
    ModelSpec out = run(chain, new MoveLayerEdit(3, 1));

    assertEquals(chain.move(3, 1), out);
  }

  @Test
  void moveKeepingConnectionsChangesOnlyTheOrder() {
    ModelSpec graph =
        ModelSpec.of(
            input(3, 8, 8),
            conv("a", 3, 3, 1, "same"),
            conv("b", 3, 1).withInputs("input"),
            add("sum", "a", "b"),
            LayerSpec.of("gap", LayerType.GLOBAL_AVG_POOL2D),
            dense("out", 2));

    ModelSpec out = run(graph, MoveLayerEdit.keepingConnections(2, 1));

    assertEquals(List.of("input", "b", "a", "sum", "gap", "out"), ids(out));
    assertEquals(connections(graph), connections(out));
    ModelAnalysis a = ModelAnalyzer.analyze(out);
    assertTrue(a.valid(), a.problems()::toString);
  }

  @Test
  void renameUpdatesEveryConnectionThatNamesTheLayer() {
    ModelSpec graph = ModelSpec.of(input(4), dense("a", 4), add("sum", "a", "input"), dense("out", 2));

    ModelSpec out = run(graph, new RenameLayerEdit("input", "x"));

    assertEquals(List.of("a", "x"), out.find("sum").orElseThrow().inputs());
    assertThrows(IllegalArgumentException.class, () -> run(graph, new RenameLayerEdit("a", "sum")));
  }

  @Test
  void compoundEditUndoesAsOneStep() {
    EditHistory history = new EditHistory(chain);
    List<ModelEdit> steps = new ArrayList<>();
    steps.add(new AddLayerEdit(3, LayerSpec.of("sum", LayerType.ADD)));
    steps.add(new ConnectPortsEdit("a", "sum", 1));

    history.execute(new CompoundEdit("Add residual sum", steps));

    assertEquals(List.of("b", "a"), history.model().inputsOf(history.model().indexOf("sum")));
    assertEquals(List.of("Add residual sum"), history.undoDescriptions());
    history.undo();
    assertEquals(chain, history.model());
    assertFalse(history.canUndo());
  }
}
