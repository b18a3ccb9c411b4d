package org.layerlab.app.model.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.model.inspect.InspectorModels.HistoryEdits;
import org.layerlab.model.ModelMessages;

class LayerPropertySheetViewModelTest {

  private HistoryEdits edits;
  private StringProperty selected;
  private LayerPropertySheetViewModel sheet;

  @BeforeEach
  void setUp() {
    Messages.setLocale(Locale.ENGLISH);
    edits = new HistoryEdits(InspectorModels.mlp());
    selected = new SimpleStringProperty();
    sheet = new LayerPropertySheetViewModel(edits.model, selected, edits);
  }

  private int units() {
    return edits.model.get().find("dense1").orElseThrow().intSetting("units");
  }

  @Test
  void withNothingSelectedTheSheetIsEmptyAndSaysWhatToDo() {
    assertTrue(sheet.properties().isEmpty());
    assertFalse(sheet.hasLayerProperty().get());
    assertEquals("Select a layer to edit its name and settings.", sheet.hintProperty().get());
  }

  @Test
  void aSelectedLayerShowsItsNameAndEverySettingOfItsType() {
    selected.set("dense1");
    assertEquals(List.of("name", "units", "activation"), sheet.properties().stream().map(LayerProperty::key).toList());
    assertEquals("dense1 (Dense)", sheet.titleProperty().get());
    assertEquals("64", sheet.property("units").textProperty().get());
    assertEquals(LayerProperty.Editor.CHOICE, sheet.property("activation").editor());
    assertTrue(sheet.property("activation").choices().contains("relu"));
    assertTrue(sheet.property("units").description().endsWith("Allowed: a whole number from 1 to 100,000."),
        sheet.property("units").description());
    assertEquals("", sheet.hintProperty().get());
  }

  @Test
  void aValidValueIsAppliedThroughLayerEditsAndCanBeUndone() {
    selected.set("dense1");
    LayerProperty units = sheet.property("units");
    units.textProperty().set("16");
    assertEquals(64, units(), "typing alone applies nothing");
    assertTrue(sheet.commit(units));
    assertEquals(16, units());
    assertEquals(1, edits.edits);
    assertFalse(sheet.commit(units), "the same value again is no edit");
    assertEquals(1, edits.edits);

    edits.undo();
    assertEquals(64, units());
    assertEquals("64", units.textProperty().get(), "the row follows the undo");
  }

  @Test
  void anInvalidValueShowsTheSettingsMessageAndIsNotApplied() {
    selected.set("dense1");
    LayerProperty units = sheet.property("units");
    units.textProperty().set("0");
    assertEquals("units must be a whole number from 1 to 100000, got 0", units.problemProperty().get());
    assertFalse(sheet.commit(units));
    units.textProperty().set("many");
    assertEquals("units must be a whole number, got 'many'", units.problemProperty().get());
    assertFalse(sheet.commit(units));
    assertEquals(64, units());
    assertEquals(0, edits.edits, "nothing applied");

    edits.changeSetting("dense2", "units", 5); // another edit elsewhere must keep what the user typed here
    assertEquals("many", units.textProperty().get());
    assertEquals("units must be a whole number, got 'many'", units.problemProperty().get());
  }

  @Test
  void aChoiceIsAppliedAtOnce() {
    selected.set("dense2");
    sheet.property("activation").textProperty().set("tanh");
    assertEquals("tanh", edits.model.get().find("dense2").orElseThrow().stringSetting("activation"));
    assertEquals(1, edits.edits);
  }

  @Test
  void renamingChecksTheNameWithTheModelBuilderAndFollowsTheNewName() {
    selected.set("dense1");
    LayerProperty name = sheet.property(LayerPropertySheetViewModel.NAME_KEY);
    name.textProperty().set("input");
    assertTrue(name.problemProperty().get().startsWith("a layer called 'input' exists already"), name.problemProperty().get());
    name.textProperty().set("1st");
    assertTrue(name.problemProperty().get().startsWith("the name '1st' must start with a Latin letter"), name.problemProperty().get());
    name.textProperty().set("");
    assertEquals("a layer needs a name", name.problemProperty().get());
    assertFalse(sheet.commit(name));
    assertEquals(0, edits.edits);

    name.textProperty().set("hidden");
    assertEquals("", name.problemProperty().get());
    assertTrue(sheet.commit(name));
    assertTrue(edits.model.get().find("hidden").isPresent());
    assertEquals("hidden (Dense)", sheet.titleProperty().get(), "the sheet follows the renamed layer");
    sheet.property("units").textProperty().set("8");
    assertTrue(sheet.commit(sheet.property("units")));
    assertEquals(8, edits.model.get().find("hidden").orElseThrow().intSetting("units"));
  }

  @Test
  void aSelectionThatLeavesTheModelSaysSo() {
    selected.set("dense1");
    edits.history.execute(new org.layerlab.model.edit.RemoveLayerEdit("dense1"));
    edits.model.set(edits.history.model());
    assertFalse(sheet.hasLayerProperty().get());
    assertEquals("The layer 'dense1' is no longer in the model: select another one.", sheet.hintProperty().get());
  }

  @Test
  void inChineseABadTypedValueAndATakenNameAreRefusedInChinese() {
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    try {
      ModelMessages zh = ModelMessages.of(Locale.SIMPLIFIED_CHINESE);
      selected.set("dense1");
      LayerProperty units = sheet.property("units");
      units.textProperty().set("many");
      assertEquals(zh.get("setting.notWhole", "units", "many"), units.problemProperty().get());
      assertFalse(units.problemProperty().get().equals(ModelMessages.english().get("setting.notWhole", "units", "many")));

      LayerProperty name = sheet.property(LayerPropertySheetViewModel.NAME_KEY);
      name.textProperty().set("input");
      assertEquals(zh.get("edit.nameTaken", "input", "input2"), name.problemProperty().get());
      name.textProperty().set("");
      assertEquals(zh.get("edit.nameEmpty"), name.problemProperty().get());
      assertEquals(0, edits.edits);
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }
}
