package org.layerlab.model.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layerlab.model.ModelSpec;

class EditHistoryTest {

  private final ModelSpec start = ModelSpec.of(input(2), dense("out", 3));
  private final EditHistory history = new EditHistory(start);

  private static List<String> ids(ModelSpec spec) {
    return spec.layers().stream().map(l -> l.id()).toList();
  }

  @Test
  void executeChangesTheModelAndRaisesTheRevision() {
    assertEquals(0, history.revision());

    assertTrue(history.execute(new AddLayerEdit(1, dense("hidden", 8))));

    assertEquals(List.of("input", "hidden", "out"), ids(history.model()));
    assertEquals(1, history.revision());
    assertEquals(Optional.of("Add hidden"), history.undoDescription());
    assertFalse(history.canRedo());
  }

  @Test
  void undoAndRedoWalkTheStacksAndEachRaisesTheRevision() {
    history.execute(new AddLayerEdit(1, dense("hidden", 8)));
    history.execute(new ChangeSettingEdit("hidden", "units", 16));
    ModelSpec afterBoth = history.model();

    history.undo();
    assertEquals(8, history.model().find("hidden").orElseThrow().intSetting("units"));
    history.undo();
    assertEquals(start, history.model());
    assertFalse(history.canUndo());
    assertEquals(Optional.of("Add hidden"), history.redoDescription());

    history.redo();
    history.redo();
    assertEquals(afterBoth, history.model());
    assertEquals(6, history.revision()); // two edits, two undos, two redos
  }

  @Test
  void newEditClearsTheRedoStack() {
    history.execute(new AddLayerEdit(1, dense("a", 8)));
    history.undo();

    history.execute(new AddLayerEdit(1, dense("b", 8)));

    assertFalse(history.canRedo());
    assertEquals(List.of("Add b"), history.undoDescriptions());
  }

  @Test
  void editThatChangesNothingIsNotRecorded() {
    assertFalse(history.execute(new ChangeSettingEdit("out", "units", "3")));

    assertEquals(0, history.revision());
    assertFalse(history.canUndo());
  }

  @Test
  void editThatDoesNotFitLeavesEverythingAsItWas() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> history.execute(new RemoveLayerEdit("ghost")));

    assertTrue(e.getMessage().contains("'ghost'"), e.getMessage());
    assertEquals(start, history.model());
    assertEquals(0, history.revision());
  }

  @Test
  void anEditRunsOnce() {
    AddLayerEdit edit = new AddLayerEdit(1, dense("a", 8));
    history.execute(edit);

    assertThrows(IllegalStateException.class, () -> history.execute(edit));
  }

  @Test
  void undoWithNothingToUndoIsRefused() {
    assertThrows(IllegalStateException.class, history::undo);
    assertThrows(IllegalStateException.class, history::redo);
  }

  @Test
  void listenersHearEveryChangeInOrder() {
    List<String> heard = new ArrayList<>();
    EditListener listener = e -> heard.add(e.kind() + " " + e.description() + " r" + e.revision() + " " + e.model().size());
    history.addListener(listener);

    history.execute(new AddLayerEdit(1, dense("a", 8)));
    history.undo();
    history.redo();
    history.reset(ModelSpec.of(input(4)), "Open template");
    history.removeListener(listener);
    history.execute(new AddLayerEdit(1, dense("b", 8)));

    assertEquals(List.of("EXECUTE Add a r1 3", "UNDO Add a r2 2", "REDO Add a r3 3", "RESET Open template r4 1"), heard);
  }

  @Test
  void dirtyFollowsTheSavedStateThroughUndoAndRedo() {
    assertFalse(history.isDirty());
    history.execute(new AddLayerEdit(1, dense("a", 8)));
    assertTrue(history.isDirty());

    history.undo();
    assertFalse(history.isDirty(), "back at the opened model");

    history.redo();
    history.markSaved();
    assertFalse(history.isDirty());
    history.undo();
    assertTrue(history.isDirty());
  }

  @Test
  void resetClearsBothStacksAndIsClean() {
    history.execute(new AddLayerEdit(1, dense("a", 8)));
    history.execute(new AddLayerEdit(1, dense("b", 8)));
    history.undo();

    history.reset(start, "Open");

    assertFalse(history.canUndo());
    assertFalse(history.canRedo());
    assertFalse(history.isDirty());
  }

  @Test
  void limitForgetsTheOldestEdits() {
    EditHistory small = new EditHistory(start, 2);
    small.execute(new AddLayerEdit(1, dense("a", 8)));
    small.markSaved();
    small.execute(new AddLayerEdit(1, dense("b", 8)));
    small.execute(new AddLayerEdit(1, dense("c", 8)));

    assertEquals(List.of("Add c", "Add b"), small.undoDescriptions());
    small.undo();
    small.undo();
    assertFalse(small.canUndo());
    assertEquals(List.of("input", "a", "out"), ids(small.model()));
    assertFalse(small.isDirty(), "the oldest state kept is the one saved");
  }
}
