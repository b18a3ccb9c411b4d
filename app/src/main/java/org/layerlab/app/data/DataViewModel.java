package org.layerlab.app.data;

import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.project.DatasetRef;

/**
 * The data page's state: the datasets on offer, the chosen one, and what it feeds the model (its signature), read in the background
 * whenever the choice changes. A newer check makes an older one's answer void.
 */
public final class DataViewModel {

  private final Path projectDir;
  private final DataSignatureSource signatures;
  private final TaskExecutor executor;
  private final ObservableList<DatasetChoice> datasets;
  private final ObjectProperty<DatasetChoice> dataset = new SimpleObjectProperty<>(this, "dataset");
  private final ReadOnlyObjectWrapper<DataSignature> dataSignature = new ReadOnlyObjectWrapper<>(this, "dataSignature");
  private final ReadOnlyBooleanWrapper checkingDataset = new ReadOnlyBooleanWrapper(this, "checkingDataset");
  private final ReadOnlyStringWrapper datasetInfo = new ReadOnlyStringWrapper(this, "datasetInfo", "");
  private final ReadOnlyStringWrapper datasetProblem = new ReadOnlyStringWrapper(this, "datasetProblem", "");
  private long datasetCheck;

  /**
   * @param projectDir the folder relative dataset paths start from
   * @param catalog the datasets to offer, and the one chosen first
   */
  public DataViewModel(Path projectDir, DatasetCatalog catalog, DataSignatureSource signatures, TaskExecutor executor) {
    this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.datasets = FXCollections.observableArrayList(catalog.choices());
    dataset.set(catalog.initial());
    dataset.addListener(o -> checkDataset());
  }

  /** The datasets on offer; a dataset the user imports is added here. */
  public ObservableList<DatasetChoice> datasets() {
    return datasets;
  }

  /** The selected dataset; changing it checks the new dataset in the background. */
  public ObjectProperty<DatasetChoice> datasetProperty() {
    return dataset;
  }

  /** The selected dataset's reference. */
  public DatasetRef ref() {
    return dataset.get().ref();
  }

  /** The folder relative dataset paths start from. */
  public Path projectDir() {
    return projectDir;
  }

  /** The selected dataset's sample shape and classes, or {@code null} while unknown or unreadable. */
  public ReadOnlyObjectProperty<DataSignature> dataSignatureProperty() {
    return dataSignature.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty checkingDatasetProperty() {
    return checkingDataset.getReadOnlyProperty();
  }

  /** What the dataset feeds the model, such as "Samples (N, 2) · 3 classes". */
  public ReadOnlyStringProperty datasetInfoProperty() {
    return datasetInfo.getReadOnlyProperty();
  }

  /** Why the dataset cannot be used, or an empty string. */
  public ReadOnlyStringProperty datasetProblemProperty() {
    return datasetProblem.getReadOnlyProperty();
  }

  /** Reads the selected dataset's signature in the background; a newer check makes an older one's answer void. */
  public void checkDataset() {
    DatasetChoice choice = dataset.get();
    long check = ++datasetCheck;
    dataSignature.set(null);
    datasetProblem.set("");
    datasetInfo.set(Messages.get("dataset.checking"));
    checkingDataset.set(true);
    executor.execute(
        () -> signatures.signature(choice.ref(), projectDir),
        signature -> {
          if (check == datasetCheck) {
            datasetInfo.set(Messages.get("dataset.info", signature.sampleShape(), signature.classes()));
            checkingDataset.set(false);
            dataSignature.set(signature);
          }
        },
        error -> {
          if (check == datasetCheck) {
            datasetInfo.set("");
            datasetProblem.set(error.getMessage() == null ? error.toString() : error.getMessage());
            checkingDataset.set(false);
          }
        });
  }

  /** Republishes every text in the current language. */
  public void relocalize() {
    DataSignature signature = dataSignature.get();
    if (signature != null) {
      datasetInfo.set(Messages.get("dataset.info", signature.sampleShape(), signature.classes()));
    } else if (checkingDataset.get()) {
      datasetInfo.set(Messages.get("dataset.checking"));
    }
  }
}
