package org.layerlab.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.i18n.Messages;

class SettingsViewModelTest {

  @TempDir Path home;

  @AfterEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void choicesAreSavedAndReadBackByTheNextSession() {
    SettingsViewModel first = new SettingsViewModel(home);
    first.languageProperty().set(Locale.SIMPLIFIED_CHINESE);
    first.themeProperty().set(Theme.DARK);
    first.classroomProperty().set(true);
    first.lessonProperty().set("first-network");

    SettingsViewModel next = new SettingsViewModel(home);
    assertEquals(Locale.SIMPLIFIED_CHINESE, next.languageProperty().get());
    assertEquals(Theme.DARK, next.themeProperty().get());
    assertTrue(next.classroomProperty().get());
    assertEquals("first-network", next.lessonProperty().get());
  }

  @Test
  void switchingTheLanguageSwitchesTheTextsAtOnce() {
    SettingsViewModel settings = new SettingsViewModel(home);
    settings.languageProperty().set(Locale.ENGLISH);
    assertEquals("Train", Messages.get("training.train"));
    settings.languageProperty().set(Locale.SIMPLIFIED_CHINESE);
    assertEquals("训练", Messages.get("training.train"));
    assertEquals("中文（简体）", settings.languageLabel(Locale.SIMPLIFIED_CHINESE));
  }

  @Test
  void aBrokenOrMissingFileGivesTheDefaults() throws Exception {
    Files.writeString(home.resolve(SettingsViewModel.FILE_NAME), "theme=PURPLE\nclassroom=maybe\n");
    SettingsViewModel settings = new SettingsViewModel(home);
    assertEquals(Theme.LIGHT, settings.themeProperty().get());
    assertFalse(settings.classroomProperty().get());
    assertEquals("", settings.lessonProperty().get());
  }
}
