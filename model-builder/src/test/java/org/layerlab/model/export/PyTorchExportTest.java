package org.layerlab.model.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.LayerReport;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.export.spi.PyTorchExporter;

/**
 * Runs the exported PyTorch code for real: every model of {@link ExportModels} is written as a module, built, and run on a batch
 * of two, and torch's own counts ({@code sum(p.numel() for p in m.parameters())}, floating-point buffers) and output shape are
 * compared with Layerlab's analysis, in total and layer by layer. Needs Debian's {@code python3-torch}; skipped without it.
 */
class PyTorchExportTest {

  private static final int BATCH = 2;
  private static final String DRIVER =
      """
      import importlib, json, sys
      import torch
      sys.path.insert(0, sys.argv[1])
      torch.manual_seed(0)
      for spec in sys.argv[2:]:
          module_name, class_name = spec.split(":")
          module = importlib.import_module(module_name)
          model = getattr(module, class_name)().eval()
          with torch.no_grad():
              output = model(module.example_input(%d))
          print(json.dumps({
              "module": module_name,
              "parameters": sum(p.numel() for p in model.parameters()),
              "buffers": sum(b.numel() for b in model.buffers() if b.is_floating_point()),
              "shape": list(output.shape),
              "finite": bool(torch.isfinite(output).all()),
              "layers": {layer: sum(p.numel() for p in getattr(model, attribute).parameters())
                         for layer, attribute in module.LAYERS.items()},
          }))
      """
          .formatted(BATCH);

  private static String python;

  @BeforeAll
  static void findTorch() {
    Optional<String> found = Python.withModule("torch");
    assumeTrue(
        found.isPresent(),
        "SKIPPED: python3-torch is not installed (tried " + Python.candidates() + "): apt-get install python3-torch, or set"
            + " LAYERLAB_PYTHON to a Python that has torch");
    python = found.get();
  }

  @Test
  void exportedModulesHaveTorchsParameterCountsAndOutputShapes(@TempDir Path dir) throws Exception {
    PyTorchExporter exporter = new PyTorchExporter();
    Map<String, ModelSpec> models = ExportModels.all();
    Map<String, ModelSpec> byModule = new HashMap<>();
    List<String> command = new ArrayList<>(List.of(python, dir.resolve("driver.py").toString(), dir.toString()));
    Files.writeString(dir.resolve("driver.py"), DRIVER, StandardCharsets.UTF_8);
    for (Map.Entry<String, ModelSpec> e : models.entrySet()) {
      String file = exporter.fileName(e.getKey());
      Files.writeString(dir.resolve(file), exporter.export(e.getValue(), e.getKey()), StandardCharsets.UTF_8);
      String module = file.replace(".py", "");
      byModule.put(module, e.getValue());
      command.add(module + ":" + exporter.className(e.getKey()));
    }

    Python.Result result = Python.run(command, 600);

    assertEquals(0, result.exitCode(), result::output);
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (String line : result.output().split("\n")) {
      if (!line.startsWith("{")) {
        continue; // torch may print warnings
      }
      JsonNode r = json.readTree(line);
      String module = r.get("module").asText();
      ModelAnalysis a = ModelAnalyzer.analyze(byModule.get(module));
      assertEquals(a.trainableParameters(), r.get("parameters").asLong(), module + ": trainable parameters");
      assertEquals(a.nonTrainableParameters(), r.get("buffers").asLong(), module + ": running statistics");
      List<Integer> shape = new ArrayList<>(List.of(BATCH));
      shape.addAll(a.outputLayer().orElseThrow().outputShape().dims());
      assertEquals(shape.toString(), r.get("shape").toString().replace(",", ", "), module + ": output shape");
      assertTrue(r.get("finite").asBoolean(), module + ": output has NaN or infinity");
      r.get("layers").properties().forEach(f -> {
        LayerReport report = a.layer(f.getKey()).orElseThrow();
        assertEquals(report.trainableParameters(), f.getValue().asLong(), module + ": parameters of " + f.getKey());
      });
      checked++;
    }
    assertEquals(models.size(), checked, result::output);
  }
}
