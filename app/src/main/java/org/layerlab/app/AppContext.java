package org.layerlab.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.data.DataSignatureSource;
import org.layerlab.app.data.DatasetCatalog;
import org.layerlab.app.training.RecordedTrainingJobs;
import org.layerlab.app.training.TrainingJobFactory;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.workspace.Workspace;

/**
 * Everything the window works with: the opened project, the datasets on offer, and the services the view models call. The
 * application builds the real ones; tests swap in their own.
 */
public record AppContext(
    OpenedProject opened,
    DatasetCatalog datasets,
    Supplier<RunStore> runStore,
    TaskExecutor executor,
    DataSignatureSource signatures,
    TrainingJobFactory jobs) {

  public AppContext {
    Objects.requireNonNull(opened, "opened");
    Objects.requireNonNull(datasets, "datasets");
    Objects.requireNonNull(runStore, "runStore");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(signatures, "signatures");
    Objects.requireNonNull(jobs, "jobs");
  }

  /** This context on another project, with that project's datasets. */
  public AppContext withOpened(OpenedProject other, DatasetCatalog catalog) {
    return new AppContext(other, catalog, runStore, executor, signatures, jobs);
  }

  /**
   * The production context: opens the project (reads files: call it off the JavaFX thread, as {@code Application.init} does), offers
   * the sample datasets, and records runs in {@code workspace}.
   */
  public static AppContext create(StartupOptions options, Path samplesDir, Workspace workspace, TaskExecutor executor) {
    OpenedProject opened = OpenedProject.open(options.projectOrSpiral(samplesDir));
    DatasetCatalog catalog = DatasetCatalog.load(opened.project(), opened.directory(), samplesDir);
    return new AppContext(
        opened, catalog, workspace::runStore, executor, DatasetLoader::signature, new RecordedTrainingJobs(workspace::runStore));
  }
}
