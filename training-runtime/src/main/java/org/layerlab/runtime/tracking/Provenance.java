package org.layerlab.runtime.tracking;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.store.ConfigHash;
import org.layerlab.runtime.train.TrainingRun;

/**
 * The facts of a run that its configuration does not hold, so that it can be rebuilt and its results trusted: the data it read, the
 * software it ran on and the machine. The configuration itself (the project as trained) is the run's {@code configJson}; its start
 * and end, status, name, tags and notes are columns of the run.
 *
 * <p>Stored as JSON with the run ({@link org.layerlab.runtime.store.RunStore#provenance}); {@link #toJson} and {@link #parse} are
 * each other's inverse, and fields a later version adds are ignored by this one.
 *
 * @param configHash see {@link ConfigHash}
 * @param seed the training seed
 * @param device where the run trained, such as {@code cpu()}
 * @param engineThreads threads of the engine's intra-op pool (0 when unknown)
 * @param processors processors the Java runtime saw
 */
public record Provenance(
    String configHash,
    long seed,
    DatasetFingerprint dataset,
    Versions versions,
    String device,
    int engineThreads,
    int processors,
    long capturedAtMillis) {

  private static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * Gathers the provenance of a run of {@code project}: fingerprints its data (reading every file) and asks the engine for its version
   * and threads (starting it if needed). Run it on the training thread, not a user interface's.
   */
  public static Provenance capture(Project project, Path projectDir) {
    return new Provenance(
        ConfigHash.of(ProjectFiles.toJson(project)),
        project.training().seed(),
        DatasetFingerprint.of(project, projectDir),
        Versions.current(),
        TrainingRun.device(project.training()),
        TrainingRun.engineThreads(),
        Runtime.getRuntime().availableProcessors(),
        System.currentTimeMillis());
  }

  /** What {@link org.layerlab.runtime.store.RunRecorder} calls when the run starts: {@link #capture} as JSON. */
  public static Supplier<String> supplier(Project project, Path projectDir) {
    return () -> capture(project, projectDir).toJson();
  }

  public String toJson() {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a provenance of strings and numbers always serialises", e);
    }
  }

  /** Reads what {@link #toJson} wrote. */
  public static Provenance parse(String json) {
    try {
      return MAPPER.readValue(json, Provenance.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a run provenance: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The versions of the software a run used.
   *
   * @param engine the deep-learning engine and its version, such as {@code PyTorch 2.7.1}
   * @param java the Java version, vendor and virtual machine
   * @param os the operating system, its version and the processor architecture
   */
  public record Versions(String layerlab, String djl, String engine, String java, String os) {

    /** This Layerlab's version: the jar's, or the one this source declares when run from classes. */
    public static final String LAYERLAB = layerlabVersion();

    /** The versions in this process. Starts the engine. */
    public static Versions current() {
      Engine engine = Engine.getInstance();
      return new Versions(
          LAYERLAB,
          Engine.getDjlVersion(),
          engine.getEngineName() + " " + engine.getVersion(),
          System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.vm.name") + ")",
          System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
    }

    private static String layerlabVersion() {
      String fromJar = Provenance.class.getPackage().getImplementationVersion();
      // Keep in step with the version in the poms; a build from a jar reports the jar's.
      return fromJar != null ? fromJar : "0.1.0-SNAPSHOT";
    }
  }
}
