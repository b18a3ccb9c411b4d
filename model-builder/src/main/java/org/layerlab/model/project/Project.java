package org.layerlab.model.project;

import java.util.Objects;
import org.layerlab.model.ModelSpec;

/** Everything needed to train once more: the model, its data and the training settings. Immutable. */
public record Project(String name, String description, ModelSpec model, DatasetRef dataset, TrainingSettings training) {

  public Project {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(training, "training");
  }

  public Project withModel(ModelSpec m) {
    return new Project(name, description, m, dataset, training);
  }

  public Project withDataset(DatasetRef d) {
    return new Project(name, description, model, d, training);
  }

  public Project withTraining(TrainingSettings t) {
    return new Project(name, description, model, dataset, t);
  }

  public Project withName(String n) {
    return new Project(n, description, model, dataset, training);
  }
}
