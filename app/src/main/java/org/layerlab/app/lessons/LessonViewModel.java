package org.layerlab.app.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import org.layerlab.app.i18n.Messages;

/**
 * The lesson presets on offer (shipped ones, then the teacher's own {@code *.json} files in the workspace's {@code lessons} folder) and
 * the active one. A view hides and locks the active preset's controls; shortcuts ask {@link #isLocked} before acting.
 */
public final class LessonViewModel {

  /** The shipped presets, in menu order, under {@code org/layerlab/app/lessons/}. */
  static final List<String> BUILT_IN = List.of("first-network", "learning-rate");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, LessonPreset> presets = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final ReadOnlyObjectWrapper<LessonPreset> active = new ReadOnlyObjectWrapper<>(this, "active");

  /** @param lessonId the active preset's id, such as the settings hold; an empty or unknown id means none */
  public LessonViewModel(Path workspaceLessons, StringProperty lessonId) {
    for (String id : BUILT_IN) {
      try (InputStream in = LessonViewModel.class.getResourceAsStream("/org/layerlab/app/lessons/" + id + ".json")) {
        add(parse(id, JSON.readTree(in)));
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("The shipped lesson " + id + " cannot be read", e);
      }
    }
    if (Files.isDirectory(workspaceLessons)) {
      try (Stream<Path> files = Files.list(workspaceLessons)) {
        files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(this::load);
      } catch (IOException e) {
        problems.add(workspaceLessons + ": " + Messages.describe(e));
      }
    }
    active.set(presets.get(lessonId.get()));
    lessonId.addListener((obs, old, id) -> active.set(id == null ? null : presets.get(id)));
  }

  /** Reads one preset from JSON; the id is the file name. */
  public static LessonPreset parse(String id, JsonNode root) {
    Map<String, String> title = new LinkedHashMap<>();
    root.path("title").fields().forEachRemaining(e -> title.put(e.getKey(), e.getValue().asText()));
    return new LessonPreset(id, title, strings(root.path("hidden")), strings(root.path("locked")));
  }

  public List<LessonPreset> presets() {
    return List.copyOf(presets.values());
  }

  /** Files that could not be read or name unknown controls, one message each. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** The active preset, or {@code null} for the full workbench. */
  public ReadOnlyObjectProperty<LessonPreset> activeProperty() {
    return active.getReadOnlyProperty();
  }

  public Optional<LessonPreset> active() {
    return Optional.ofNullable(active.get());
  }

  public boolean isHidden(String control) {
    return active().map(p -> p.hidden().contains(control)).orElse(false);
  }

  /** Whether {@code control} cannot be used: locked, or hidden. */
  public boolean isLocked(String control) {
    return active().map(p -> p.locked().contains(control) || p.hidden().contains(control)).orElse(false);
  }

  private void load(Path file) {
    String name = file.getFileName().toString();
    String id = name.substring(0, name.length() - ".json".length());
    try {
      add(parse(id, JSON.readTree(file.toFile())));
    } catch (IOException e) {
      problems.add(name + ": " + Messages.describe(e));
    }
  }

  private void add(LessonPreset preset) {
    if (!preset.unknownControls().isEmpty()) {
      problems.add(preset.id() + ": unknown controls " + preset.unknownControls() + "; known are " + LessonControls.ALL);
    }
    presets.put(preset.id(), preset);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
