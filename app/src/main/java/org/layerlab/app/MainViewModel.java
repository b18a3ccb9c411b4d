package org.layerlab.app;

import org.layerlab.app.model.ModelEditorViewModel;
import org.layerlab.app.runs.RunsViewModel;
import org.layerlab.app.training.TrainingViewModel;
import org.layerlab.model.project.Project;

/**
 * The window's state: the three feature view models and how they talk. The dataset's signature flows from training to the model
 * editor (so a model that does not fit the data shows it on its cards), the model flows to training, and every run start and end
 * refreshes the runs table.
 */
public final class MainViewModel {

  private final OpenedProject opened;
  private final ModelEditorViewModel modelEditor;
  private final TrainingViewModel training;
  private final RunsViewModel runs;

  public MainViewModel(AppContext context) {
    this.opened = context.opened();
    Project project = opened.project();
    modelEditor = new ModelEditorViewModel(project.model(), project.layout());
    training =
        new TrainingViewModel(
            project,
            opened.directory(),
            context.datasets(),
            modelEditor.modelProperty(),
            modelEditor.validProperty(),
            context.signatures(),
            context.jobs(),
            context.executor());
    runs = new RunsViewModel(context.runStore(), context.executor());

    training.dataSignatureProperty().addListener((obs, old, signature) -> modelEditor.setDataSignature(signature));
    training.runStartedProperty().addListener((obs, old, started) -> {
      if (started != null) {
        runs.refresh();
      }
    });
    training.lastRunProperty().addListener((obs, old, ended) -> {
      if (ended != null) {
        runs.refresh();
      }
    });
  }

  /** Checks the dataset and reads the runs, both in the background. Call once the window shows. */
  public void start() {
    training.checkDataset();
    runs.refresh();
  }

  /** Stops a running run; for closing the window. */
  public void shutdown() {
    training.shutdown();
  }

  public ModelEditorViewModel modelEditor() {
    return modelEditor;
  }

  public TrainingViewModel training() {
    return training;
  }

  public RunsViewModel runs() {
    return runs;
  }

  public String projectName() {
    return opened.project().name();
  }

  public String projectDescription() {
    return opened.project().description();
  }

  /** Why the asked-for project could not be opened, or an empty string. */
  public String warning() {
    return opened.warning();
  }
}
