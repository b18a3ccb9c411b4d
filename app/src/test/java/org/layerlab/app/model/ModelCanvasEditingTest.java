package org.layerlab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.model.canvas.CanvasGeometry;
import org.layerlab.app.model.canvas.CanvasNode;
import org.layerlab.app.model.canvas.CanvasViewModel;
import org.layerlab.app.model.canvas.CanvasWire;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.Layout;
import org.layerlab.model.project.Layout.Position;
import org.layerlab.model.template.ModelTemplate;

/** The model canvas's behaviour through its view models: drops, wires, selection, clipboard, undo, layout and templates. */
class ModelCanvasEditingTest {

  private ModelEditorViewModel vm;
  private CanvasViewModel canvas;

  @BeforeEach
  void setUp() {
    Messages.setLocale(Locale.ENGLISH);
    vm = new ModelEditorViewModel(ModelEditorViewModelTest.spiralMlp());
    canvas = vm.canvas();
  }

  private CanvasNode node(String id) {
    return canvas.node(id).orElseThrow(() -> new AssertionError("no node " + id + " in " + canvas.nodes()));
  }

  private LayerItem item(String id) {
    return vm.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  // ---- adding and wiring --------------------------------------------------------------------------------------------------------

  @Test
  void droppingATypeAddsItCentredWhereItWasDroppedWithItsInputOpen() {
    vm.addLayerAt(LayerType.DENSE, 600, 300);

    CanvasNode dense = node("dense3");
    assertEquals(600 - CanvasViewModel.NODE_WIDTH / 2, dense.x());
    assertEquals(300 - CanvasViewModel.NODE_HEIGHT / 2, dense.y());
    assertTrue(dense.placed());
    assertEquals(List.of(LayerSpec.UNCONNECTED), dense.inputs());
    assertEquals(List.of("dense3"), canvas.selection());
    assertEquals("dense3", vm.selectedLayerProperty().get().id());
    assertFalse(vm.isValid(), "a layer with nothing connected is a problem until it is wired");
    assertEquals(new Position(dense.x(), dense.y()), vm.getLayout().position("dense3").orElseThrow());
  }

  @Test
  void largerTextDrawsLargerNodesFartherApartWhileTheProjectKeepsPositionsAtTheStandardSize() {
    vm.addLayerAt(LayerType.DENSE, 600, 300);
    CanvasNode dropped = node("dense3");
    CanvasNode laidOut = node("dense2");
    Layout saved = vm.getLayout();
    double k = 20 / CanvasGeometry.STANDARD_TEXT_SIZE;

    canvas.setTextSize(20);

    assertEquals(CanvasViewModel.NODE_WIDTH * k, canvas.geometry().nodeWidth(), 1e-9);
    assertEquals(CanvasViewModel.NODE_HEIGHT * k, canvas.geometry().nodeHeight(), 1e-9);
    assertEquals(dropped.x() * k, node("dense3").x(), 1e-9, "a placed node keeps its place relative to the others");
    assertEquals(laidOut.y() * k, node("dense2").y(), 1e-9, "the automatic layout grows with the nodes");
    assertTrue(node("dense2").y() >= node("dense1").y() + canvas.geometry().nodeHeight(), "rows still do not overlap");
    assertEquals(saved, vm.getLayout(), "the project is not changed by the text size");

    vm.addLayerAt(LayerType.DENSE, 400, 200);
    CanvasNode big = node("dense4");
    assertEquals(400 - canvas.geometry().nodeWidth() / 2, big.x(), 1e-9, "centred on the drop at the larger size");
    assertEquals(big.x() / k, vm.getLayout().position("dense4").orElseThrow().x(), 1e-9);

    canvas.setTextSize(CanvasGeometry.STANDARD_TEXT_SIZE);
    assertEquals(dropped.x(), node("dense3").x(), 1e-9);
    assertEquals(laidOut.y(), node("dense2").y(), 1e-9);
  }

  @Test
  void droppingAMergeGivesItTwoOpenPortsAndOneToGrow() {
    vm.addLayerAt(LayerType.ADD, 100, 100);

    CanvasNode add = node("add1");
    assertEquals(List.of(LayerSpec.UNCONNECTED, LayerSpec.UNCONNECTED), add.inputs());
    assertTrue(add.growable());
    assertEquals(3, add.portCount());
  }

  @Test
  void connectingAnOutputToAnInputWiresThemAndTheShapeFollows() {
    vm.addLayerAt(LayerType.DENSE, 600, 300);
    vm.selectedLayerProperty().get().field("units").setText("5");
    assertEquals(Messages.get("card.shapeUnknown"), item("dense3").outputShape());

    assertTrue(vm.connect("dense1", "dense3", 0));

    assertEquals("(N, 5)", item("dense3").outputShape());
    assertEquals(List.of("dense1"), vm.getModel().find("dense3").orElseThrow().inputs());
    assertTrue(canvas.wires().stream().anyMatch(w -> w.from().equals("dense1") && w.to().equals("dense3") && w.port() == 0));
  }

  @Test
  void wiresIntoTheGrowingPortAddInputsToAMerge() {
    // a residual connection by hand: dense2 + dense1 into an Add that feeds the output
    vm.addLayerAt(LayerType.ADD, 400, 400);
    assertTrue(vm.connect("dense2", "add1", 0));
    assertTrue(vm.connect("dense1", "add1", 1));
    assertTrue(vm.connect("input", "add1", 2)); // the open port past the last adds a third input
    assertEquals(List.of("dense2", "dense1", "input"), vm.getModel().find("add1").orElseThrow().inputs());
    assertEquals(4, node("add1").portCount());
  }

  @Test
  void aConnectionTheModelRefusesSaysWhyAndChangesNothing() {
    ModelSpec before = vm.getModel();
    assertFalse(vm.connect("dense1", "input", 0));
    assertEquals("Not done: input is Input, which takes no input: connect the wire to another layer", vm.messageProperty().get());
    assertFalse(vm.connect("dense1", "dense2", 1), "a Dense has one input");
    assertEquals(before, vm.getModel());
    assertFalse(vm.canUndoProperty().get());
  }

  @Test
  void selectingAWireAndRemovingItOpensThePort() {
    CanvasWire wire = canvas.wires().stream().filter(w -> w.to().equals("dense2")).findFirst().orElseThrow();
    canvas.selectWire(wire);
    assertTrue(vm.canRemoveProperty().get());

    vm.removeSelected();

    assertEquals(List.of(LayerSpec.UNCONNECTED), vm.getModel().find("dense2").orElseThrow().inputs());
    assertTrue(canvas.wires().stream().noneMatch(w -> w.to().equals("dense2")));
    assertNull(canvas.selectedWireProperty().get(), "the wire is gone, and with it its selection");
    assertEquals(4, vm.getModel().size(), "removing a wire removes no layer");

    vm.undo();
    assertEquals(ModelEditorViewModelTest.spiralMlp(), vm.getModel());
  }

  // ---- undo and redo ------------------------------------------------------------------------------------------------------------

  private void undoesAndRedoes(Consumer<ModelEditorViewModel> action) {
    ModelSpec before = vm.getModel();
    Layout layoutBefore = vm.getLayout();
    action.accept(vm);
    ModelSpec after = vm.getModel();
    Layout layoutAfter = vm.getLayout();
    assertTrue(!after.equals(before) || !layoutAfter.equals(layoutBefore), "the action changed nothing");
    assertTrue(vm.canUndoProperty().get());

    vm.undo();
    assertEquals(before, vm.getModel());
    assertEquals(layoutBefore, vm.getLayout());
    assertTrue(vm.canRedoProperty().get());

    vm.redo();
    assertEquals(after, vm.getModel());
    assertEquals(layoutAfter, vm.getLayout());
  }

  @Test
  void everyKindOfEditUndoesAndRedoes() {
    undoesAndRedoes(m -> m.addLayer(LayerType.DROPOUT));
    undoesAndRedoes(m -> m.addLayerAt(LayerType.DENSE, 10, 10));
    undoesAndRedoes(m -> m.connect("input", "dense3", 0));
    undoesAndRedoes(m -> m.disconnect("dense2", 0));
    undoesAndRedoes(
        m -> {
          m.select(1);
          m.removeSelected();
        });
    undoesAndRedoes(
        m -> {
          m.select(2);
          m.selectedLayerProperty().get().field("units").setText("7");
        });
    undoesAndRedoes(
        m -> {
          m.select(2);
          m.selectedLayerProperty().get().field(LayerEditor.NAME_KEY).setText("hidden");
        });
    undoesAndRedoes(
        m -> {
          m.select(3);
          m.moveSelectedUp();
        });
    undoesAndRedoes(m -> m.placeNodes(Map.of("output", new Position(900, 20))));
    undoesAndRedoes(ModelEditorViewModel::relayout);
    undoesAndRedoes(
        m -> {
          m.select(1);
          m.copy();
          m.paste();
        });
    undoesAndRedoes(m -> m.useTemplate(ModelTemplate.LENET5));
  }

  @Test
  void undoTextNamesTheStepAndANewEditClearsRedo() {
    vm.addLayer(LayerType.DROPOUT);
    assertEquals("Undo: add dropout1 (Ctrl+Z)", vm.undoTextProperty().get());
    vm.undo();
    assertTrue(vm.canRedoProperty().get());
    assertEquals("Redo: add dropout1 (Ctrl+Shift+Z)", vm.redoTextProperty().get());
    vm.addLayer(LayerType.FLATTEN);
    assertFalse(vm.canRedoProperty().get());
  }

  @Test
  void typingInTheFormKeepsItsFieldsAndUndoPutsTheOldValueBackInTheForm() {
    vm.select(1);
    LayerEditor editor = vm.selectedLayerProperty().get();
    editor.field("units").setText("12");
    assertTrue(vm.selectedLayerProperty().get() == editor, "an edit typed in the form keeps the form");

    vm.undo();

    assertEquals(64, vm.getModel().layer(1).intSetting("units"));
    assertEquals("64", vm.selectedLayerProperty().get().field("units").getText());
  }

  @Test
  void typingAValueKeyByKeyIsOneUndoStepAndAnotherFieldStartsANewOne() {
    vm.select(1);
    LayerEditor editor = vm.selectedLayerProperty().get();
    for (String text : List.of("1", "12", "128")) {
      editor.field("units").setText(text);
    }
    for (String text : List.of("h", "hi", "hidden")) {
      editor.field(LayerEditor.NAME_KEY).setText(text);
    }
    assertEquals("Undo: rename a layer to hidden (Ctrl+Z)", vm.undoTextProperty().get());

    vm.undo();
    assertEquals("dense1", vm.getModel().layer(1).id());
    assertEquals(128, vm.getModel().layer(1).intSetting("units"), "the name was one step");
    vm.undo();
    assertEquals(64, vm.getModel().layer(1).intSetting("units"), "the number was another");
    assertFalse(vm.canUndoProperty().get());
    vm.redo();
    vm.redo();
    assertEquals("hidden", vm.getModel().layer(1).id());
    assertEquals(128, vm.getModel().layer(1).intSetting("units"));
  }

  @Test
  void renamingInTheFormKeepsTheSelectionAndThePlace() {
    vm.placeNodes(Map.of("dense1", new Position(500, 100)));
    vm.select(1);
    LayerEditor editor = vm.selectedLayerProperty().get();

    editor.field(LayerEditor.NAME_KEY).setText("hidden");

    assertTrue(vm.selectedLayerProperty().get() == editor);
    assertEquals(List.of("hidden"), canvas.selection());
    assertEquals(500, node("hidden").x());
    assertEquals(Layout.NONE.positions().size() + 1, vm.getLayout().positions().size());
    assertTrue(vm.getLayout().position("hidden").isPresent());
  }

  // ---- selection, delete, clipboard ---------------------------------------------------------------------------------------------

  @Test
  void deletingSeveralSelectedLayersIsOneUndoStep() {
    vm.select(1);
    canvas.toggle("dense2");
    assertEquals(List.of("dense1", "dense2"), canvas.selection());

    vm.removeSelected();

    assertEquals(List.of("input", "output"), vm.getModel().layers().stream().map(LayerSpec::id).toList());
    vm.undo();
    assertEquals(ModelEditorViewModelTest.spiralMlp(), vm.getModel());
    assertFalse(vm.canUndoProperty().get(), "one step took back both removals");
  }

  @Test
  void rubberBandSelectsTheNodesItMeetsAndExtendsWithAModifier() {
    CanvasNode input = node("input");
    CanvasNode dense1 = node("dense1");
    canvas.selectAll(canvas.nodesIn(input.x() - 5, input.y() - 5, dense1.x() + 5, dense1.y() + 5), false);
    assertEquals(List.of("input", "dense1"), canvas.selection());

    CanvasNode output = node("output");
    canvas.selectAll(canvas.nodesIn(output.x() + 1, output.y() + 1, output.x() + 2, output.y() + 2), true);
    assertEquals(List.of("input", "dense1", "output"), canvas.selection());

    vm.selectAll();
    assertEquals(4, canvas.selection().size());
    canvas.toggle("dense2");
    assertFalse(canvas.isSelected("dense2"));
  }

  @Test
  void pasteGivesNewUniqueNamesKeepsInternalWiresAndOffsetsTheCopies() {
    vm.select(1);
    canvas.toggle("dense2");
    vm.copy();

    vm.paste();

    ModelSpec m = vm.getModel();
    assertEquals(6, m.size());
    LayerSpec first = m.find("dense3").orElseThrow();
    LayerSpec second = m.find("dense4").orElseThrow();
    assertEquals(List.of(LayerSpec.UNCONNECTED), first.inputs(), "dense1's input was not copied: the copy's port is open");
    assertEquals(List.of("dense3"), second.inputs(), "the wire dense1 -> dense2 is copied as dense3 -> dense4");
    assertEquals(64, second.intSetting("units"));
    assertEquals(node("dense1").x() + CanvasViewModel.PASTE_OFFSET, node("dense3").x());
    assertEquals(node("dense2").y() + CanvasViewModel.PASTE_OFFSET, node("dense4").y());
    assertEquals(List.of("dense3", "dense4"), canvas.selection());

    vm.paste();
    assertTrue(vm.getModel().find("dense6").isPresent(), "a second paste gets names of its own");
    assertEquals(node("dense1").x() + 2 * CanvasViewModel.PASTE_OFFSET, node("dense5").x());

    vm.undo();
    vm.undo();
    assertEquals(ModelEditorViewModelTest.spiralMlp(), vm.getModel());
  }

  @Test
  void pasteNeedsACopyFirst() {
    assertFalse(vm.canPasteProperty().get());
    vm.paste();
    assertEquals(4, vm.getModel().size());
    vm.select(0);
    vm.copy();
    assertTrue(vm.canPasteProperty().get());
  }

  // ---- layout -------------------------------------------------------------------------------------------------------------------

  @Test
  void aSequentialModelIsDrawnAsOneColumnTopToBottom() {
    List<CanvasNode> nodes = canvas.nodes();
    for (int i = 1; i < nodes.size(); i++) {
      assertEquals(nodes.get(0).x(), nodes.get(i).x(), 0.001);
      assertTrue(nodes.get(i).y() >= nodes.get(i - 1).y() + CanvasViewModel.NODE_HEIGHT, "each layer below the one it reads");
    }
  }

  @Test
  void nodesTheUserMovedStayThroughEditsUntilLayoutLaysOutEverything() {
    Position moved = new Position(700, 55);
    vm.placeNodes(Map.of("dense2", moved));
    double outputYBefore = node("output").y();

    vm.select(1);
    vm.addLayer(LayerType.DROPOUT); // every later row moves down one

    assertEquals(moved.x(), node("dense2").x());
    assertEquals(moved.y(), node("dense2").y());
    assertTrue(node("dense2").placed());
    assertTrue(node("output").y() > outputYBefore, "automatic nodes follow the new layout");
    assertEquals(Map.of("dense2", moved), vm.getLayout().positions());

    vm.relayout();
    assertFalse(node("dense2").placed());
    assertNotEquals(moved.x(), node("dense2").x());
    assertTrue(vm.getLayout().isEmpty());
  }

  @Test
  void aProjectsLayoutPlacesItsNodesAtOnce() {
    ModelEditorViewModel opened =
        new ModelEditorViewModel(ModelEditorViewModelTest.spiralMlp(), new Layout(Map.of("output", new Position(480, 16))));
    CanvasNode output = opened.canvas().node("output").orElseThrow();
    assertEquals(480, output.x());
    assertEquals(16, output.y());
    assertEquals(Map.of("output", new Position(480, 16)), opened.getLayout().positions());
  }

  // ---- templates ----------------------------------------------------------------------------------------------------------------

  @Test
  void aTemplateReplacesTheModelAsOneUndoStep() {
    assertFalse(vm.hasUnsavedEdits());
    vm.placeNodes(Map.of("dense1", new Position(600, 10)));
    vm.addLayer(LayerType.DROPOUT);
    assertTrue(vm.hasUnsavedEdits(), "the view asks before replacing a model with unsaved edits");
    ModelSpec mine = vm.getModel();

    vm.useTemplate(ModelTemplate.RESNET_SMALL);

    assertEquals(ModelTemplate.RESNET_SMALL.model(), vm.getModel());
    assertTrue(vm.getLayout().isEmpty(), "a template is laid out automatically");
    vm.undo();
    assertEquals(mine, vm.getModel());
    assertEquals(600, node("dense1").x(), "undo puts the moved node back too");
    vm.redo();
    assertEquals(ModelTemplate.RESNET_SMALL.model(), vm.getModel());

    vm.markSaved();
    assertFalse(vm.hasUnsavedEdits());
    assertFalse(vm.dirtyProperty().get());
  }

  @Test
  void templatesAreListedWithNamesAndDescriptionsInTheUiLanguage() {
    assertEquals(ModelTemplate.values().length, vm.templates().size());
    for (ModelTemplate t : vm.templates()) {
      assertFalse(t.description(Locale.ENGLISH).isBlank(), t.name());
      assertFalse(t.description(Locale.SIMPLIFIED_CHINESE).isBlank(), t.name());
      assertNotEquals(t.description(Locale.ENGLISH), t.description(Locale.SIMPLIFIED_CHINESE), t.name());
    }
  }

  // ---- badges -------------------------------------------------------------------------------------------------------------------

  @Test
  void anInvalidNodeCarriesTheAnalyzersMessage() {
    DataSignature images = new DataSignature(Shape.of(1, 28, 28), 10);
    vm.setDataSignature(images);

    String expected = ModelAnalyzer.analyze(vm.getModel(), images).layers().get(0).problems().get(0);
    CanvasNode input = node("input");
    assertFalse(input.valid());
    assertEquals(expected, input.problems().get(0));
    assertTrue(input.problemText().contains("set shape to 1, 28, 28"), input.problemText());
    assertTrue(node("dense1").valid());
  }

  @Test
  void anOpenPortShowsOnTheNodeUntilItIsConnected() {
    vm.disconnect("dense2", 0);
    CanvasNode dense2 = node("dense2");
    assertFalse(dense2.valid());
    String expected = ModelAnalyzer.analyze(vm.getModel()).layer("dense2").orElseThrow().problems().get(0);
    assertEquals(expected, dense2.problems().get(0));
    vm.connect("dense1", "dense2", 0);
    assertTrue(node("dense2").valid());
  }

  // ---- palette ------------------------------------------------------------------------------------------------------------------

  @Test
  void paletteSearchKeepsMatchingTypesAndWholeMatchingFamilies() {
    List<PaletteGroup> conv = vm.palette("conv");
    assertTrue(conv.stream().allMatch(g -> !g.entries().isEmpty()));
    assertTrue(conv.stream().flatMap(g -> g.entries().stream()).anyMatch(e -> e.type() == LayerType.CONV2D));
    assertTrue(conv.stream().flatMap(g -> g.entries().stream()).noneMatch(e -> e.type() == LayerType.DENSE));

    List<PaletteGroup> pooling = vm.palette("Pooling");
    assertEquals(1, pooling.size(), "a family name keeps its whole group");
    assertEquals(vm.palette().stream().filter(g -> g.title().equals("Pooling")).findFirst().orElseThrow(), pooling.get(0));

    assertTrue(vm.palette("no such layer").isEmpty());
    assertEquals(vm.palette(), vm.palette("  "));
  }
}
