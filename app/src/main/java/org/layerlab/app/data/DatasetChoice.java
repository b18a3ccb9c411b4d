package org.layerlab.app.data;

import java.util.Objects;
import org.layerlab.model.project.DatasetRef;

/**
 * A dataset the user can pick for training.
 *
 * @param label what the dataset list shows, such as "Fashion-MNIST images (6,000-image subset)"
 * @param ref the dataset; relative paths in it start from the opened project's folder
 */
public record DatasetChoice(String label, DatasetRef ref) {

  public DatasetChoice {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(ref, "ref");
  }

  @Override
  public String toString() {
    return label;
  }
}
