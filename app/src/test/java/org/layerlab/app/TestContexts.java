package org.layerlab.app;

import java.nio.file.Path;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.data.DatasetCatalog;
import org.layerlab.app.training.TrainingJobFactory;
import org.layerlab.runtime.data.DatasetLoader;

/** Contexts on the real spiral sample for view model tests: no run store, jobs as the test says. */
public final class TestContexts {

  private TestContexts() {}

  public static Path spiralDir() {
    return StartupOptions.samplesDir().resolve("spiral");
  }

  public static AppContext spiral(TaskExecutor executor, TrainingJobFactory jobs) {
    OpenedProject opened = OpenedProject.open(spiralDir());
    return new AppContext(
        opened,
        DatasetCatalog.load(opened.project(), opened.directory(), StartupOptions.samplesDir()),
        () -> {
          throw new IllegalStateException("no run store in this test");
        },
        executor,
        DatasetLoader::signature,
        jobs);
  }

  public static AppContext spiral(TaskExecutor executor) {
    return spiral(
        executor,
        (project, dir, listener) -> {
          throw new IllegalStateException("no training in this test");
        });
  }
}
