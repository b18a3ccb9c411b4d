package org.layerlab.runtime.workspace;

import java.nio.file.Path;
import org.layerlab.runtime.store.RunStore;

/**
 * The folder that holds a user's runs. Chosen by, in order: the {@code layerlab.home} system property, the {@code LAYERLAB_HOME}
 * environment variable, else {@code ~/.layerlab}.
 */
public final class Workspace implements AutoCloseable {

  /** The run store's file name inside the workspace. */
  public static final String RUN_STORE_FILE = "runs.db";

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

  @Override
  public synchronized void close() {
    if (runStore != null) {
      runStore.close();
      runStore = null;
    }
  }
}
