package org.layerlab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelMessages;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.layer.Family;
import org.layerlab.model.layer.LayerType;

class ModelEditorViewModelTest {

  private ModelEditorViewModel vm;

  /** The spiral sample's MLP: 2 -> 64 -> 64 -> 3. */
  static ModelSpec spiralMlp() {
    return ModelSpec.of(
        LayerSpec.of("input", LayerType.INPUT),
        LayerSpec.of("dense1", LayerType.DENSE).with("units", 64).with("activation", "relu"),
        LayerSpec.of("dense2", LayerType.DENSE).with("units", 64).with("activation", "relu"),
        LayerSpec.of("output", LayerType.DENSE).with("units", 3));
  }

  @BeforeEach
  void setUp() {
    vm = new ModelEditorViewModel(spiralMlp());
  }

  @Test
  void cardsShowShapesAndParameterCountsOfTheSpiralModel() {
    List<LayerItem> items = vm.items();
    assertEquals(4, items.size());
    assertEquals("(N, 2)", items.get(0).outputShape());
    assertEquals("(N, 64)", items.get(1).outputShape());
    assertEquals("192 parameters", items.get(1).parameters()); // 2 x 64 + 64
    assertEquals("4,160 parameters", items.get(2).parameters()); // 64 x 64 + 64
    assertEquals("195 parameters", items.get(3).parameters()); // 64 x 3 + 3
    assertEquals("no parameters", items.get(0).parameters());
    assertEquals("units 64 · activation relu", items.get(1).summary());
    assertTrue(vm.isValid());
    assertEquals("4 layers · 4,547 parameters\nOutput (N, 3)", vm.totalsTextProperty().get());
    assertEquals("✔ The model is valid.", vm.problemsTextProperty().get());
  }

  @Test
  void firstLayerIsSelectedAtStart() {
    assertEquals(0, vm.selectedIndexProperty().get());
    assertEquals("input", vm.selectedLayerProperty().get().id());
    assertFalse(vm.canMoveUpProperty().get());
    assertTrue(vm.canMoveDownProperty().get());
  }

  @Test
  void paletteGroupsEveryLayerTypeByFamilyWithItsDescription() {
    assertEquals(Family.values().length, vm.palette().size());
    long entries = vm.palette().stream().mapToLong(g -> g.entries().size()).sum();
    assertEquals(LayerType.values().length, entries);
    assertEquals("Core", vm.palette().get(0).title());
    PaletteEntry dense =
        vm.palette().get(0).entries().stream().filter(e -> e.type() == LayerType.DENSE).findFirst().orElseThrow();
    assertTrue(dense.description().startsWith("Fully connected layer"), dense.description());
  }

  @Test
  void addInsertsAfterTheSelectedLayerWithAFreshIdAndSelectsIt() {
    vm.select(1);
    vm.addLayer(LayerType.DROPOUT);
    assertEquals(5, vm.items().size());
    assertEquals("dropout1", vm.items().get(2).id());
    assertEquals(2, vm.selectedIndexProperty().get());
    assertEquals("dropout1", vm.selectedLayerProperty().get().id());
    assertEquals("(N, 64)", vm.items().get(2).outputShape());
    assertTrue(vm.isValid());
  }

  @Test
  void addingTheSelectedPaletteTypeNeedsASelection() {
    assertFalse(vm.canAddProperty().get());
    vm.paletteSelectionProperty().set(LayerType.DENSE);
    assertTrue(vm.canAddProperty().get());
    assertTrue(vm.paletteDescriptionProperty().get().startsWith("Fully connected"));
    vm.select(3);
    vm.addSelectedType();
    assertEquals("dense3", vm.items().get(4).id());
    assertEquals("(N, 64)", vm.items().get(4).outputShape());
  }

  @Test
  void removeUpdatesShapesCountsAndSelection() {
    vm.select(2);
    vm.removeSelected();
    assertEquals(3, vm.items().size());
    assertEquals("output", vm.selectedLayerProperty().get().id());
    assertEquals("3 layers · 387 parameters\nOutput (N, 3)", vm.totalsTextProperty().get());
  }

  @Test
  void removingTheInputLayerReportsItOnTheNewFirstCard() {
    vm.select(0);
    vm.removeSelected();
    assertFalse(vm.isValid());
    LayerItem first = vm.items().get(0);
    assertFalse(first.valid());
    assertTrue(first.problems().get(0).contains("first layer must be an Input"), first.problems().toString());
    assertTrue(vm.problemsTextProperty().get().startsWith("dense1: the first layer must be an Input"), vm.problemsTextProperty().get());
  }

  @Test
  void moveKeepsTheMovedLayerSelectedAndReanalyses() {
    vm.select(3);
    vm.moveSelectedUp();
    assertEquals("output", vm.items().get(2).id());
    assertEquals(2, vm.selectedIndexProperty().get());
    assertEquals("(N, 3)", vm.items().get(2).outputShape());
    assertEquals("195 parameters", vm.items().get(2).parameters());
    assertEquals("(N, 64)", vm.items().get(3).outputShape());
    assertEquals("256 parameters", vm.items().get(3).parameters()); // 3 x 64 + 64
    vm.moveSelectedDown();
    assertEquals("output", vm.items().get(3).id());
    assertFalse(vm.canMoveDownProperty().get());
  }

  @Test
  void editingUnitsUpdatesShapesAndCountsDownstream() {
    vm.select(1);
    vm.selectedLayerProperty().get().field("units").setText("10");
    assertEquals("(N, 10)", vm.items().get(1).outputShape());
    assertEquals("30 parameters", vm.items().get(1).parameters());
    assertEquals("704 parameters", vm.items().get(2).parameters()); // 10 x 64 + 64
    assertEquals(10, vm.getModel().layer(1).intSetting("units"));
    assertTrue(vm.isValid());
  }

  @Test
  void unreadableTextIsKeptWithItsMessageAndMakesTheModelInvalid() {
    vm.select(1);
    SettingField units = vm.selectedLayerProperty().get().field("units");
    units.setText("6x4");
    assertEquals("6x4", units.getText());
    assertTrue(units.unreadable());
    assertEquals("units must be a whole number, got '6x4'", units.getProblem());
    assertFalse(vm.isValid());
    assertEquals(List.of("units must be a whole number, got '6x4'"), vm.items().get(1).problems());
    assertEquals(64, vm.getModel().layer(1).intSetting("units"), "the model keeps the last readable value");
    assertEquals("dense1: units must be a whole number, got '6x4'", vm.problemsTextProperty().get());

    units.setText("32");
    assertTrue(vm.isValid());
    assertEquals("", units.getProblem());
  }

  @Test
  void outOfRangeValuesAreAppliedAndReportedOnTheCard() {
    vm.select(2);
    SettingField units = vm.selectedLayerProperty().get().field("units");
    units.setText("0");
    assertFalse(vm.isValid());
    assertEquals("units must be a whole number from 1 to 100000, got 0", units.getProblem());
    assertTrue(vm.items().get(2).problems().contains("units must be a whole number from 1 to 100000, got 0"));
  }

  @Test
  void typedTextSurvivesSelectingAnotherLayerAndComingBack() {
    vm.select(1);
    vm.selectedLayerProperty().get().field("units").setText("abc");
    vm.select(2);
    vm.select(1);
    assertEquals("abc", vm.selectedLayerProperty().get().field("units").getText());
    assertFalse(vm.isValid());
  }

  @Test
  void renamingToADuplicateIsRefusedWithTheFixAndTheModelKeepsTheName() {
    vm.select(2);
    SettingField name = vm.selectedLayerProperty().get().field(LayerEditor.NAME_KEY);
    name.setText("dense1");
    assertFalse(vm.isValid());
    assertTrue(name.getProblem().contains("a layer called 'dense1' exists already"), name.getProblem());
    assertTrue(vm.items().get(2).problems().get(0).contains("exists already"), vm.items().get(2).problems().toString());
    assertEquals("dense2", vm.getModel().layer(2).id());
    assertEquals("dense2 (Dense)", vm.selectedLayerProperty().get().titleProperty().get());

    name.setText("hidden");
    assertTrue(vm.isValid());
    assertEquals("hidden", vm.getModel().layer(2).id());
    assertEquals("hidden", vm.getModel().layer(3).hasExplicitInputs() ? "" : vm.getModel().inputsOf(3).get(0));
  }

  @Test
  void dataSignatureMismatchShowsTheAnalyzersFixOnTheInputCard() {
    vm.setDataSignature(new DataSignature(Shape.of(1, 28, 28), 10));
    assertFalse(vm.isValid());
    String message = vm.items().get(0).problems().get(0);
    assertTrue(message.contains("set shape to 1, 28, 28"), message);

    vm.select(0);
    vm.selectedLayerProperty().get().field("shape").setText("1, 28, 28");
    // Now the Dense after the Input complains about the rank, with the fix.
    assertTrue(vm.items().get(1).problems().get(0).contains("add a Flatten layer"), vm.items().get(1).problems().toString());
  }

  @Test
  void classCountMismatchIsShownOnTheLastCard() {
    vm.setDataSignature(new DataSignature(Shape.of(2), 5));
    assertFalse(vm.isValid());
    LayerItem last = vm.items().get(3);
    assertTrue(last.problems().get(0).contains("set units of 'output' to 5"), last.problems().toString());
    assertNull(vm.problems().get(0).layerId());
    vm.setDataSignature(new DataSignature(Shape.of(2), 3));
    assertTrue(vm.isValid());
  }

  @Test
  void problemsLineListsTheFirstProblemsAndCountsTheRest() {
    for (int i = 0; i < 4; i++) {
      vm.select(i);
      vm.selectedLayerProperty().get().field(LayerEditor.NAME_KEY).setText("1bad" + i);
    }
    String text = vm.problemsTextProperty().get();
    assertEquals(ModelEditorViewModel.PROBLEMS_SHOWN + 1, text.split("\n").length, text);
    assertTrue(text.endsWith("… and 1 more problem"), text);
  }

  @Test
  void choiceSettingsEditThroughTheirText() {
    vm.select(1);
    SettingField activation = vm.selectedLayerProperty().get().field("activation");
    assertEquals(SettingField.Editor.CHOICE, activation.editor());
    assertTrue(activation.choices().contains("tanh"));
    activation.setText("tanh");
    assertEquals("tanh", vm.getModel().layer(1).stringSetting("activation"));
    assertEquals("units 64 · activation tanh", vm.items().get(1).summary());
  }

  @Test
  void inChineseARefusedRenameAndAnUnreadableSettingAreSaidInChinese() {
    Locale before = Messages.locale();
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    try {
      ModelMessages zh = ModelMessages.of(Locale.SIMPLIFIED_CHINESE);
      String taken = zh.get("edit.nameTaken", "dense1", "dense3");

      assertFalse(vm.renameLayer("dense2", "dense1"));
      assertEquals(Messages.get("canvas.refused", taken), vm.messageProperty().get());
      assertEquals("dense2", vm.getModel().layer(2).id());

      vm.select(2);
      SettingField name = vm.selectedLayerProperty().get().field(LayerEditor.NAME_KEY);
      name.setText("dense1");
      assertEquals(taken, name.getProblem());

      vm.select(1);
      SettingField units = vm.selectedLayerProperty().get().field("units");
      units.setText("6x4");
      assertEquals(zh.get("setting.notWhole", "units", "6x4"), units.getProblem());
      assertFalse(units.getProblem().equals(ModelMessages.english().get("setting.notWhole", "units", "6x4")));
    } finally {
      Messages.setLocale(before);
    }
  }
}
