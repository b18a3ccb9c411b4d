package org.layerlab.app.lessons;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A lesson's view of the workbench, as TensorFlow Playground's URL options: which controls to hide and which to show but lock, so a
 * class sees only what the lesson is about. Stored as a small JSON file:
 *
 * <pre>{"id": "first-network", "title": {"en": "...", "zh": "..."}, "hidden": ["optimizer"], "locked": ["palette"]}</pre>
 *
 * @param id the file's name without {@code .json}
 * @param title the lesson's name by language code; English is the fallback
 * @param hidden controls not shown, by name (see {@link LessonControls})
 * @param locked controls shown but not usable
 */
public record LessonPreset(String id, Map<String, String> title, Set<String> hidden, Set<String> locked) {

  public LessonPreset {
    title = Map.copyOf(title);
    hidden = Set.copyOf(hidden);
    locked = Set.copyOf(locked);
  }

  /** The lesson's name in {@code locale}'s language, else English, else its id. */
  public String title(Locale locale) {
    return title.getOrDefault(locale.getLanguage(), title.getOrDefault("en", id));
  }

  /** Names in {@code hidden} or {@code locked} that are no control, so a teacher's typo is reported rather than ignored. */
  public List<String> unknownControls() {
    return java.util.stream.Stream.concat(hidden.stream(), locked.stream()).filter(c -> !LessonControls.ALL.contains(c)).sorted().toList();
  }
}
