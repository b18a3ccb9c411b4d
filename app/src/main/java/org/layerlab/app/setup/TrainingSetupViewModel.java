package org.layerlab.app.setup;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.model.project.TrainingSettings;

/**
 * The training page's settings form. Each field keeps the text the user typed; {@link #settingsProperty()} holds the settings with the
 * last readable value of every field, and each field's problem says why its text cannot be used.
 */
public final class TrainingSetupViewModel {

  private final TrainingSettings initial;
  private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer");
  private final StringProperty learningRateText = new SimpleStringProperty(this, "learningRateText");
  private final StringProperty batchSizeText = new SimpleStringProperty(this, "batchSizeText");
  private final StringProperty epochsText = new SimpleStringProperty(this, "epochsText");
  private final ReadOnlyStringWrapper learningRateProblem = new ReadOnlyStringWrapper(this, "learningRateProblem", "");
  private final ReadOnlyStringWrapper batchSizeProblem = new ReadOnlyStringWrapper(this, "batchSizeProblem", "");
  private final ReadOnlyStringWrapper epochsProblem = new ReadOnlyStringWrapper(this, "epochsProblem", "");
  private final ReadOnlyObjectWrapper<TrainingSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
  private final ReadOnlyBooleanWrapper settingsValid = new ReadOnlyBooleanWrapper(this, "settingsValid");

  /** @param initial the opened project's settings; the fields start from them and every setting without a field is kept */
  public TrainingSetupViewModel(TrainingSettings initial) {
    this.initial = Objects.requireNonNull(initial, "initial");
    optimizer.set(initial.optimizer());
    learningRateText.set(plain(initial.learningRate()));
    batchSizeText.set(Integer.toString(initial.batchSize()));
    epochsText.set(Integer.toString(initial.epochs()));
    readSettings();
    optimizer.addListener(o -> readSettings());
    learningRateText.addListener(o -> readSettings());
    batchSizeText.addListener(o -> readSettings());
    epochsText.addListener(o -> readSettings());
  }

  public List<OptimizerKind> optimizers() {
    return List.of(OptimizerKind.values());
  }

  /** What the optimizer list shows for {@code kind}, such as "SGD with momentum". */
  public String optimizerLabel(OptimizerKind kind) {
    return kind == null ? "" : Messages.get("optimizer." + kind.name());
  }

  public ObjectProperty<OptimizerKind> optimizerProperty() {
    return optimizer;
  }

  public StringProperty learningRateTextProperty() {
    return learningRateText;
  }

  public StringProperty batchSizeTextProperty() {
    return batchSizeText;
  }

  public StringProperty epochsTextProperty() {
    return epochsText;
  }

  public ReadOnlyStringProperty learningRateProblemProperty() {
    return learningRateProblem.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty batchSizeProblemProperty() {
    return batchSizeProblem.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty epochsProblemProperty() {
    return epochsProblem.getReadOnlyProperty();
  }

  /** The settings with the last readable value of every field. */
  public ReadOnlyObjectProperty<TrainingSettings> settingsProperty() {
    return settings.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty settingsValidProperty() {
    return settingsValid.getReadOnlyProperty();
  }

  /** Republishes the problems in the current language. */
  public void relocalize() {
    readSettings();
  }

  private void readSettings() {
    TrainingSettings s = settings.get() == null ? initial : settings.get();
    s = s.withOptimizer(optimizer.get());
    Double rate = parseDouble(learningRateText.get());
    Integer batch = parseInt(batchSizeText.get());
    Integer epochs = parseInt(epochsText.get());
    if (rate != null) {
      s = s.withLearningRate(rate);
    }
    if (batch != null) {
      s = s.withBatchSize(batch);
    }
    if (epochs != null) {
      s = s.withEpochs(epochs);
    }
    var problems = s.fieldProblems();
    learningRateProblem.set(rate == null ? Messages.get("settings.notANumber", learningRateText.get()) : problems.getOrDefault("learningRate", ""));
    batchSizeProblem.set(batch == null ? Messages.get("settings.notAWholeNumber", batchSizeText.get()) : problems.getOrDefault("batchSize", ""));
    epochsProblem.set(epochs == null ? Messages.get("settings.notAWholeNumber", epochsText.get()) : problems.getOrDefault("epochs", ""));
    settings.set(s);
    settingsValid.set(
        problems.isEmpty() && learningRateProblem.get().isEmpty() && batchSizeProblem.get().isEmpty() && epochsProblem.get().isEmpty());
  }

  private static Double parseDouble(String text) {
    try {
      return text == null ? null : Double.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer parseInt(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String plain(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
