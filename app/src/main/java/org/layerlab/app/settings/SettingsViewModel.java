package org.layerlab.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerlab.app.i18n.Messages;

/**
 * The user's preferences: language, theme, classroom (large text) and the lesson preset. Each change is saved at once to
 * {@code settings.properties} in the workspace folder and applied by the views, which observe these properties.
 *
 * <p>Changing the language switches {@link Messages} first, so that listeners that rebuild views read texts in the new language.
 */
public final class SettingsViewModel {

  /** The settings file in the workspace folder. */
  public static final String FILE_NAME = "settings.properties";

  private final Path file;
  private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(this, "language");
  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
  private final BooleanProperty classroom = new SimpleBooleanProperty(this, "classroom");
  private final StringProperty lesson = new SimpleStringProperty(this, "lesson", "");

  /**
   * Reads the settings from {@code workspaceHome}; a missing or unreadable file gives the defaults (the computer's language, light,
   * normal text, no lesson).
   */
  public SettingsViewModel(Path workspaceHome) {
    this.file = workspaceHome.resolve(FILE_NAME);
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        // A broken settings file must not keep the window from opening: start from the defaults and overwrite it on the next change.
        p.clear();
      }
    }
    String tag = p.getProperty("language");
    language.set(Messages.supported(tag == null ? Locale.getDefault() : Locale.forLanguageTag(tag)));
    theme.set(parseTheme(p.getProperty("theme")));
    classroom.set(Boolean.parseBoolean(p.getProperty("classroom")));
    lesson.set(p.getProperty("lesson", ""));
    Messages.setLocale(language.get());

    language.addListener((obs, old, now) -> {
      Messages.setLocale(now);
      save();
    });
    theme.addListener(o -> save());
    classroom.addListener(o -> save());
    lesson.addListener(o -> save());
  }

  /** The languages on offer, in menu order. */
  public List<Locale> languages() {
    return Messages.SUPPORTED;
  }

  /** How a language names itself in the menu: "English", "中文 (简体)". */
  public String languageLabel(Locale locale) {
    return Messages.get("language." + locale.getLanguage());
  }

  public ObjectProperty<Locale> languageProperty() {
    return language;
  }

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  /** Large text for a projector. */
  public BooleanProperty classroomProperty() {
    return classroom;
  }

  /** The id of the active lesson preset, or an empty string for none. */
  public StringProperty lessonProperty() {
    return lesson;
  }

  private void save() {
    Properties p = new Properties();
    p.setProperty("language", language.get().toLanguageTag());
    p.setProperty("theme", theme.get().name());
    p.setProperty("classroom", Boolean.toString(classroom.get()));
    p.setProperty("lesson", lesson.get() == null ? "" : lesson.get());
    try {
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        p.store(w, "Layerlab settings");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save the settings to " + file, e);
    }
  }

  private static Theme parseTheme(String name) {
    try {
      return name == null ? Theme.LIGHT : Theme.valueOf(name);
    } catch (IllegalArgumentException e) {
      return Theme.LIGHT;
    }
  }
}
