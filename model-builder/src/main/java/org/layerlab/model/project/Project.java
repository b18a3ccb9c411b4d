package org.layerlab.model.project;

import java.util.Objects;
import org.layerlab.model.ModelSpec;

/**
 * Everything needed to train once more: the model, its data and the training settings, plus where the model editor drew the layers
 * the user placed by hand (which training ignores). Immutable.
 */
public record Project(
    String name, String description, ModelSpec model, DatasetRef dataset, TrainingSettings training, Layout layout) {

  public Project {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(training, "training");
    layout = layout == null ? Layout.NONE : layout;
  }

  /** A project without hand-placed layers. */
  public Project(String name, String description, ModelSpec model, DatasetRef dataset, TrainingSettings training) {
    this(name, description, model, dataset, training, Layout.NONE);
  }

  public Project withModel(ModelSpec m) {
    return new Project(name, description, m, dataset, training, layout);
  }

  public Project withDataset(DatasetRef d) {
    return new Project(name, description, model, d, training, layout);
  }

  public Project withTraining(TrainingSettings t) {
    return new Project(name, description, model, dataset, t, layout);
  }

  public Project withName(String n) {
    return new Project(n, description, model, dataset, training, layout);
  }

  public Project withLayout(Layout l) {
    return new Project(name, description, model, dataset, training, l);
  }
}
