package org.layerlab.runtime.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;

class ConfigDiffTest {

  private static Map<String, String> configs(Project... projects) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < projects.length; i++) {
      out.put("run" + i, ProjectFiles.toJson(projects[i]));
    }
    return out;
  }

  @Test
  void onlyTheSettingsThatDifferAreListedWithEachRunsValue() {
    ConfigDiff d =
        ConfigDiff.of(
            configs(
                TrackingFixtures.project(16, 0.01, 1),
                TrackingFixtures.project(16, 0.001, 1),
                TrackingFixtures.project(64, 0.01, 1).withName("renamed")));
    assertEquals(List.of("run0", "run1", "run2"), d.runIds());
    assertEquals(
        List.of(
            new ConfigDiff.Row("model.layers[hidden].settings.units", List.of("16", "16", "64")),
            new ConfigDiff.Row("training.learningRate", List.of("0.01", "0.001", "0.01"))),
        d.rows(),
        "the project name is not configuration; nothing else differs");
  }

  @Test
  void identicalConfigurationsHaveNoRows() {
    assertTrue(ConfigDiff.of(configs(TrackingFixtures.project(16, 0.01, 1), TrackingFixtures.project(16, 0.01, 1))).identical());
  }

  @Test
  void anInsertedLayerShowsAsThatLayerAndTheNewOrderNotAsEveryLaterLayerChanged() {
    Project base = TrackingFixtures.project(16, 0.01, 1);
    List<LayerSpec> layers = new java.util.ArrayList<>(base.model().layers());
    layers.add(2, new LayerSpec("drop", LayerType.DROPOUT, Map.of("rate", 0.5)));
    Project deeper = base.withModel(ModelSpec.of(layers.toArray(new LayerSpec[0])));
    ConfigDiff d = ConfigDiff.of(configs(base, deeper));
    assertEquals(
        List.of(
            new ConfigDiff.Row("model.layers[drop].type", List.of(ConfigDiff.ABSENT, "Dropout")),
            new ConfigDiff.Row("model.layers[drop].settings.rate", List.of(ConfigDiff.ABSENT, "0.5")),
            new ConfigDiff.Row("model.layers.order", List.of("input, hidden, out", "input, hidden, drop, out"))),
        d.rows().stream().sorted(java.util.Comparator.comparing(r -> r.path().equals("model.layers.order"))).toList());
  }

  @Test
  void flattenNamesNestedSettingsByPathAndKeepsForeignConfigurations() {
    Map<String, String> flat = ConfigDiff.flatten("{\"name\":\"x\",\"a\":{\"b\":[1,2],\"c\":\"t\",\"d\":[{\"k\":1},{\"k\":2}]},\"e\":{}}");
    assertEquals(Map.of("a.b", "[1,2]", "a.c", "t", "a.d[0].k", "1", "a.d[1].k", "2", "e", "{}"), flat);
    assertEquals(Map.of("(config)", "not json {"), ConfigDiff.flatten("not json {"));
  }
}
