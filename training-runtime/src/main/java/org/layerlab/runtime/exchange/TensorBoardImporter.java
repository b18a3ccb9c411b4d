package org.layerlab.runtime.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.layerlab.model.LocalText;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Imports TensorBoard logs into the run store as read-only, {@link RunStatus#FINISHED} runs, tags unchanged.
 *
 * <p>As in TensorBoard, a run is a folder that directly holds event files; the folder given may be one run or hold run folders at
 * any depth. Each run becomes one store run, named by its path below the folder given, with the origin
 * {@code TensorBoard at <absolute folder>}. A folder imported before is not imported again.
 *
 * <p>A run's configuration JSON holds what the files tell of it: {@code {"source": "tensorboard", "folder": ..., "hparams": {...}}}.
 * Its start and end are the earliest and latest event times; a step written twice keeps its last value.
 */
public final class TensorBoardImporter {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One run folder of an import.
   *
   * @param alreadyImported the store had a run from this folder, and {@code runId} is that run's
   */
  public record ImportedRun(Path folder, String runId, boolean alreadyImported) {}

  private TensorBoardImporter() {}

  /**
   * Imports every run below {@code folder}, each in one store transaction; a damaged file stops the import before its run is stored.
   *
   * @return the run folders in path order, with the id of their run
   * @throws NoSuchFileException when there is no event file in or below {@code folder}
   * @throws TensorBoardFormatException when an event file is damaged or cut; runs stored before it stay
   */
  public static List<ImportedRun> importFolder(RunStore store, Path folder) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    List<Path> runFolders = runFolders(root);
    if (runFolders.isEmpty()) {
      throw new NoEventFileException(root, true);
    }
    Map<String, String> imported = importedOrigins(store);
    List<ImportedRun> out = new ArrayList<>();
    for (Path runFolder : runFolders) {
      String origin = origin(runFolder);
      String existing = imported.get(origin);
      if (existing != null) {
        out.add(new ImportedRun(runFolder, existing, true));
        continue;
      }
      TensorBoardLog log = TensorBoardReader.readFolder(runFolder);
      String name = runFolder.equals(root) ? nameOf(root) : root.relativize(runFolder).toString().replace('\\', '/');
      String id = store.importRun(summary(log, name, nameOf(root), runFolder, origin), origin, points(log));
      imported.put(origin, id);
      out.add(new ImportedRun(runFolder, id, false));
    }
    return out;
  }

  /** The origin the store records for a run imported from {@code runFolder}. */
  public static String origin(Path runFolder) {
    return "TensorBoard at " + runFolder.toAbsolutePath().normalize();
  }

  private static List<Path> runFolders(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path dir : all.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> children = Files.list(dir)) {
          if (children.anyMatch(TensorBoardReader::isEventFile)) {
            out.add(dir);
          }
        }
      }
    }
    return out;
  }

  private static Map<String, String> importedOrigins(RunStore store) {
    Map<String, String> byOrigin = new HashMap<>();
    for (RunSummary r : store.listRuns()) {
      store.origin(r.id()).ifPresent(o -> byOrigin.put(o, r.id()));
    }
    return byOrigin;
  }

  private static RunSummary summary(TensorBoardLog log, String name, String projectName, Path runFolder, String origin) {
    long start = millis(log.firstWallTimeSeconds());
    long end = Math.max(start, millis(log.lastWallTimeSeconds()));
    List<ScalarPoint> validation = log.scalars().getOrDefault(MetricTags.VALIDATION_ACCURACY, List.of());
    double finalAccuracy = Double.NaN;
    long lastStep = Long.MIN_VALUE;
    for (ScalarPoint p : validation) {
      if (p.step() >= lastStep) {
        lastStep = p.step();
        finalAccuracy = p.value();
      }
    }
    ObjectNode config = MAPPER.createObjectNode();
    config.put("source", "tensorboard");
    config.put("folder", runFolder.toString());
    config.set("hparams", MAPPER.valueToTree(log.hparams()));
    String configJson;
    try {
      configJson = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings, numbers and booleans always serialises", e);
    }
    // The ending names the folder the way the origin does ("Imported from TensorBoard at /logs/run1"), in any language.
    LocalText ending = RuntimeMessages.text("exchange.tensorboard.imported", runFolder.toAbsolutePath().normalize().toString());
    return new RunSummary(null, name, projectName, RunStatus.FINISHED, start, end, finalAccuracy, "Imported from " + origin, configJson, ending);
  }

  private static List<MetricPoint> points(TensorBoardLog log) {
    List<MetricPoint> out = new ArrayList<>();
    log.scalars()
        .forEach((tag, series) -> series.forEach(p -> out.add(new MetricPoint(tag, p.step(), millis(p.wallTimeSeconds()), p.value()))));
    return out;
  }

  private static long millis(double seconds) {
    return Double.isFinite(seconds) ? Math.round(seconds * 1000) : 0;
  }

  private static String nameOf(Path folder) {
    Path name = folder.getFileName();
    return name == null ? folder.toString() : name.toString();
  }
}
