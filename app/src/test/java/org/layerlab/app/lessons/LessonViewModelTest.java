package org.layerlab.app.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonViewModelTest {

  @TempDir Path lessons;
  private final StringProperty lesson = new SimpleStringProperty("");

  @Test
  void theShippedPresetsNameOnlyKnownControlsInBothLanguages() {
    LessonViewModel vm = new LessonViewModel(lessons, lesson);
    assertEquals(LessonViewModel.BUILT_IN, vm.presets().stream().map(LessonPreset::id).toList());
    assertEquals(java.util.List.of(), vm.problems());
    for (LessonPreset p : vm.presets()) {
      assertTrue(p.title(Locale.SIMPLIFIED_CHINESE).startsWith("第"), p.title(Locale.SIMPLIFIED_CHINESE));
      assertTrue(p.title(Locale.ENGLISH).startsWith("Lesson"), p.title(Locale.ENGLISH));
    }
  }

  @Test
  void theActivePresetHidesAndLocksItsControlsAndNoneShowsEverything() {
    LessonViewModel vm = new LessonViewModel(lessons, lesson);
    assertFalse(vm.isHidden("optimizer"));
    lesson.set("first-network");
    assertTrue(vm.isHidden("optimizer"));
    assertTrue(vm.isLocked("optimizer"), "a hidden control cannot be used either");
    assertTrue(vm.isLocked("dataset"));
    assertFalse(vm.isHidden("dataset"));
    assertFalse(vm.isLocked("epochs"));
    lesson.set("");
    assertTrue(vm.active().isEmpty());
    assertFalse(vm.isLocked("dataset"));
  }

  @Test
  void aTeachersOwnFileIsOfferedAndItsTyposAreReported() throws Exception {
    Files.writeString(
        lessons.resolve("epochs-only.json"),
        "{\"title\": {\"en\": \"Epochs\"}, \"hidden\": [\"optimiser\"], \"locked\": [\"learningRate\"]}");
    Files.writeString(lessons.resolve("broken.json"), "{ not json");
    lesson.set("epochs-only");
    LessonViewModel vm = new LessonViewModel(lessons, lesson);
    assertEquals("Epochs", vm.active().orElseThrow().title(Locale.SIMPLIFIED_CHINESE), "English when there is no Chinese title");
    assertTrue(vm.isLocked("learningRate"));
    assertEquals(2, vm.problems().size(), vm.problems().toString());
    assertTrue(vm.problems().stream().anyMatch(p -> p.contains("optimiser")), vm.problems().toString());
    assertTrue(vm.problems().stream().anyMatch(p -> p.startsWith("broken.json")), vm.problems().toString());
  }
}
