package org.layerlab.runtime.checkpoint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoint folder of one run:
 *
 * <pre>
 * project.json                 the project as trained
 * classes.json                 the class names of the data it trained on, in class order
 * last/  model.tensors  optimizer.tensors  checkpoint.json
 * best/  model.tensors  checkpoint.json
 * </pre>
 *
 * <p>A checkpoint is written into a fresh folder beside its place and then moved there, so a process killed while writing leaves
 * the previous checkpoint whole: the old folder is renamed {@code last.old} first and removed last, and {@link #read} falls back to
 * it when {@code last} is missing.
 */
public final class CheckpointFolder {

  public static final String PROJECT_FILE = "project.json";
  public static final String CLASSES_FILE = "classes.json";
  /** The normalisation fitted to the training split, beside the checkpoints of a run that had one. */
  public static final String SCALING_FILE = "scaling.json";
  public static final String MODEL_FILE = "model.tensors";
  public static final String OPTIMIZER_FILE = "optimizer.tensors";
  public static final String INFO_FILE = "checkpoint.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path dir;

  private CheckpointFolder(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  public static CheckpointFolder of(Path dir) {
    return new CheckpointFolder(dir);
  }

  /** The checkpoint folder of run {@code runId} in a workspace: {@code <workspace>/runs/<runId>/checkpoints}. */
  public static Path forRun(Path workspaceHome, String runId) {
    return workspaceHome.resolve("runs").resolve(runId).resolve("checkpoints");
  }

  public Path dir() {
    return dir;
  }

  public Path folder(CheckpointKind kind) {
    return dir.resolve(kind.folderName());
  }

  /** Writes the project as trained, once at the start of a run. */
  public void writeProject(String projectJson) throws IOException {
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, PROJECT_FILE, ".tmp");
    try {
      Files.writeString(tmp, projectJson, StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(PROJECT_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes the class names of the training data, once at the start of a run. */
  public void writeClassNames(List<String> names) throws IOException {
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, CLASSES_FILE, ".tmp");
    try {
      JSON.writeValue(tmp.toFile(), names);
      Files.move(tmp, dir.resolve(CLASSES_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Writes the normalisation fitted to the training data (JSON, see {@code FeatureScaling.toJson}), once at the start of a run, so
   * that the model can be asked about raw samples later.
   */
  public void writeScaling(String scalingJson) throws IOException {
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, SCALING_FILE, ".tmp");
    try {
      Files.writeString(tmp, scalingJson, StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(SCALING_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The normalisation of the training data, if the run had one: empty for features used as read (or a run from before it was kept). */
  public Optional<String> readScaling() throws IOException {
    try {
      return Optional.of(Files.readString(dir.resolve(SCALING_FILE), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The class names of the training data, if they were written. */
  public Optional<List<String>> readClassNames() throws IOException {
    Path f = dir.resolve(CLASSES_FILE);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    return Optional.of(List.of(JSON.readValue(f.toFile(), String[].class)));
  }

  /** The project as trained, if it was written. */
  public Optional<String> readProject() throws IOException {
    try {
      return Optional.of(Files.readString(dir.resolve(PROJECT_FILE), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes a checkpoint in place of the previous one of its kind.
   *
   * @param optimizerState empty to leave the optimizer out (a best checkpoint needs only the weights)
   * @return the checkpoint's folder
   */
  public Path write(CheckpointKind kind, Map<String, Tensor> parameters, Map<String, Tensor> optimizerState, CheckpointInfo info)
      throws IOException {
    Files.createDirectories(dir);
    Path target = folder(kind);
    deleteUnfinished(kind);
    Path fresh = Files.createTempDirectory(dir, kind.folderName() + ".tmp");
    try {
      TensorFile.write(fresh.resolve(MODEL_FILE), parameters);
      if (!optimizerState.isEmpty()) {
        TensorFile.write(fresh.resolve(OPTIMIZER_FILE), optimizerState);
      }
      JSON.writeValue(fresh.resolve(INFO_FILE).toFile(), info);
      Path old = dir.resolve(kind.folderName() + ".old");
      deleteTree(old);
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
      return target;
    } finally {
      deleteTree(fresh);
    }
  }

  /** Removes what a process killed while writing a checkpoint of this kind left behind. */
  private void deleteUnfinished(CheckpointKind kind) throws IOException {
    String prefix = kind.folderName() + ".tmp";
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        deleteTree(p);
      }
    }
  }

  /** Whether a checkpoint of this kind can be read. */
  public boolean has(CheckpointKind kind) {
    return Files.isRegularFile(existing(kind).resolve(INFO_FILE));
  }

  /** Reads only the facts of the checkpoint of this kind (epoch, step, watched metric), not its tensors. */
  public CheckpointInfo readInfo(CheckpointKind kind) throws IOException {
    Path info = existing(kind).resolve(INFO_FILE);
    if (!Files.isRegularFile(info)) {
      throw new NoSuchFileException(info.toString(), null, "no " + kind.folderName() + " checkpoint here");
    }
    return JSON.readValue(info.toFile(), CheckpointInfo.class);
  }

  /** Reads the checkpoint of this kind. */
  public Checkpoint read(CheckpointKind kind) throws IOException {
    Path folder = existing(kind);
    if (!Files.isRegularFile(folder.resolve(INFO_FILE))) {
      throw new NoSuchFileException(folder.resolve(INFO_FILE).toString(), null, "no " + kind.folderName() + " checkpoint here");
    }
    CheckpointInfo info = JSON.readValue(folder.resolve(INFO_FILE).toFile(), CheckpointInfo.class);
    Map<String, Tensor> model = TensorFile.read(folder.resolve(MODEL_FILE));
    Path opt = folder.resolve(OPTIMIZER_FILE);
    Map<String, Tensor> optimizer = Files.isRegularFile(opt) ? TensorFile.read(opt) : Map.of();
    return new Checkpoint(info, model, optimizer, folder);
  }

  /** The folder holding the checkpoint: the kind's own, or its {@code .old} copy when a write was cut short. */
  private Path existing(CheckpointKind kind) {
    Path target = folder(kind);
    Path old = dir.resolve(kind.folderName() + ".old");
    return !Files.exists(target) && Files.exists(old) ? old : target;
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
