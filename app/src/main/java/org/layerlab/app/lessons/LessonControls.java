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
          Map.entry("dataset", List.of("datasetCombo", "datasetLabel", "importMenu")),
          Map.entry("splits", List.of("validationSlider", "testSlider")),
          Map.entry(
              "optimizer",
              List.of(
                  "optimizerCombo", "optimizerLabel", "algorithmCombo", "algorithmLabel", "nesterovCheck",
                  "momentumField", "momentumLabel", "beta1Field", "beta1Label", "beta2Field", "beta2Label",
                  "epsilonField", "epsilonLabel", "rhoField", "rhoLabel", "weightDecayField", "weightDecayLabel",
                  "gradientClipNormField", "gradientClipNormLabel")),
          Map.entry("learningRate", List.of("learningRateField", "learningRateLabel")),
          Map.entry("batchSize", List.of("batchSizeField", "batchSizeLabel")),
          Map.entry("epochs", List.of("epochsField", "epochsLabel")),
          Map.entry("seed", List.of("seedField", "seedLabel")),
          Map.entry(
              "schedule",
              List.of(
                  "scheduleSection", "scheduleCombo", "scheduleLabel", "scheduleGammaField", "scheduleGammaLabel",
                  "scheduleEveryEpochsField", "scheduleEveryEpochsLabel", "scheduleMilestonesField", "scheduleMilestonesLabel",
                  "scheduleWarmupEpochsField", "scheduleWarmupEpochsLabel", "scheduleMinLearningRateField",
                  "scheduleMinLearningRateLabel", "schedulePatienceField", "schedulePatienceLabel", "plateauMonitorCombo",
                  "plateauMonitorLabel", "schedulePreviewBox")),
          Map.entry(
              "loss",
              List.of("lossSection", "lossCombo", "lossLabel", "lossLabelSmoothingField", "lossLabelSmoothingLabel",
                  "lossHuberDeltaField", "lossHuberDeltaLabel")),
          Map.entry(
              "earlyStopping",
              List.of("earlyStoppingSection", "earlyStoppingCheck", "earlyStoppingMetricCombo", "earlyStoppingMetricLabel",
                  "earlyStoppingPatienceField", "earlyStoppingPatienceLabel", "earlyStoppingMinDeltaField",
                  "earlyStoppingMinDeltaLabel")),
          Map.entry(
              "engine",
              List.of("engineSection", "deviceCombo", "deviceLabel", "threadsField", "threadsLabel", "histogramEveryField",
                  "histogramEveryLabel", "worstSamplesField", "worstSamplesLabel")),
          Map.entry("dataTab", List.of("dataTab")),
          Map.entry("runsTab", List.of("runsTab")));

  public static final java.util.Set<String> ALL = NODES.keySet();

  private LessonControls() {}
}
