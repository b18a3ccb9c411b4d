package org.layerlab.app.lessons;

import java.util.List;
import java.util.Map;

/**
 * The controls a lesson can hide or lock, by name, with the node ids each name stands for (a field and its label go together).
 */
public final class LessonControls {

  /** Control name to the ids of its nodes. */
  public static final Map<String, List<String>> NODES =
      Map.ofEntries(
          Map.entry("palette", List.of("paletteColumn")),
          Map.entry("layerCommands", List.of("layerCommands")),
          Map.entry("layerSettings", List.of("layerSettingsColumn")),
          Map.entry("dataset", List.of("datasetCombo", "datasetLabel")),
          Map.entry("optimizer", List.of("optimizerCombo", "optimizerLabel")),
          Map.entry("learningRate", List.of("learningRateField", "learningRateLabel")),
          Map.entry("batchSize", List.of("batchSizeField", "batchSizeLabel")),
          Map.entry("epochs", List.of("epochsField", "epochsLabel")),
          Map.entry("runsTab", List.of("runsTab")));

  public static final java.util.Set<String> ALL = NODES.keySet();

  private LessonControls() {}
}
