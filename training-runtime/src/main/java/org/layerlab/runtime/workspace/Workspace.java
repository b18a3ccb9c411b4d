package org.layerlab.runtime.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.layerlab.runtime.store.Artifact;
import org.layerlab.runtime.store.RunStore;

/**
 * The folder that holds a user's runs. Chosen by, in order: the {@code layerlab.home} system property, the {@code LAYERLAB_HOME}
 * environment variable, else {@code ~/.layerlab}.
 */
public final class Workspace implements AutoCloseable {

  /** The run store's file name inside the workspace. */
  public static final String RUN_STORE_FILE = "runs.db";

  /** The folder inside the workspace that holds a folder of files per run (checkpoints, models, evaluation results). */
  public static final String RUNS_FOLDER = "runs";

  private final Path home;
  private RunStore runStore;

  private Workspace(Path home) {
    this.home = home.toAbsolutePath();
  }

  public static Workspace open(Path home) {
    return new Workspace(home);
  }

  public static Workspace openDefault() {
    return new Workspace(defaultHome());
  }

  /** Where the default workspace lives, from the system property, the environment, or the user's home folder. */
  public static Path defaultHome() {
    String prop = System.getProperty("layerlab.home");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("LAYERLAB_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".layerlab");
  }

  public Path home() {
    return home;
  }

  /** The workspace's run store, opened on first use and shared after. */
  public synchronized RunStore runStore() {
    if (runStore == null) {
      runStore = RunStore.open(home.resolve(RUN_STORE_FILE));
    }
    return runStore;
  }

  /** The folder for the files of run {@code runId}: {@code <workspace>/runs/<id>}. Not created here. */
  public Path runFolder(String runId) {
    if (runId.isEmpty() || !runId.chars().allMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException("not a run id: " + runId);
    }
    return home.resolve(RUNS_FOLDER).resolve(runId);
  }

  /** Where an artifact's file is: its path as recorded when absolute, else relative to the workspace folder. */
  public Path resolve(Artifact artifact) {
    return home.resolve(artifact.path());
  }

  /**
   * Deletes a run from the run store and, once that succeeded, its folder of files ({@link #runFolder}). Artifact files recorded
   * elsewhere are the user's and stay.
   *
   * @return whether there was such a run
   */
  public boolean deleteRun(String runId) {
    boolean deleted = runStore().deleteRun(runId);
    deleteRunFolder(runId);
    return deleted;
  }

  /**
   * Deletes the files of run {@code runId} (checkpoints, reports), for a run whose record is already gone from the store.
   *
   * @throws UncheckedIOException naming the folder when a file cannot be deleted
   */
  public void deleteRunFolder(String runId) {
    Path folder = runFolder(runId);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Run " + runId + " is deleted but its folder " + folder + " is not: " + e.getMessage(), e);
      }
    }
  }

  /** The workspace whose run store is {@code store}, when the store is a workspace's own {@code runs.db}; empty otherwise. */
  public static java.util.Optional<Workspace> of(RunStore store) {
    Path file = store.file().toAbsolutePath();
    return file.getFileName().toString().equals(RUN_STORE_FILE) && file.getParent() != null
        ? java.util.Optional.of(new Workspace(file.getParent()))
        : java.util.Optional.empty();
  }

  @Override
  public synchronized void close() {
    if (runStore != null) {
      runStore.close();
      runStore = null;
    }
  }
}
