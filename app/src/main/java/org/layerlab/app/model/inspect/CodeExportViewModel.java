package org.layerlab.app.model.inspect;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.Problem;
import org.layerlab.model.export.ExportException;
import org.layerlab.model.export.ExportTarget;

/**
 * The model as source code of another framework ({@link ExportTarget}: DJL, PyTorch, Keras), rewritten whenever the model, its name
 * or the chosen framework changes. A model the exporter refuses gives no code but an error naming each problem to fix first.
 */
public final class CodeExportViewModel {

  /** The name used while the model has none. */
  static final String DEFAULT_NAME = "model";

  private final ObservableValue<ModelSpec> model;
  private final ObservableValue<String> name;
  private final ObjectProperty<ExportTarget> target = new SimpleObjectProperty<>(this, "target", ExportTarget.DJL);
  private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper(this, "code", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
  private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper(this, "feedback", "");

  /**
   * @param model the model to export
   * @param name the model's name, used for the class or function name (the project's name); blank or {@code null} for "model"
   */
  public CodeExportViewModel(ObservableValue<ModelSpec> model, ObservableValue<String> name) {
    this.model = Objects.requireNonNull(model, "model");
    this.name = Objects.requireNonNull(name, "name");
    export();
    model.addListener(o -> export());
    name.addListener(o -> export());
    target.addListener(o -> export());
  }

  public List<ExportTarget> targets() {
    return List.of(ExportTarget.values());
  }

  /** The framework shown. */
  public ObjectProperty<ExportTarget> targetProperty() {
    return target;
  }

  /** The code, or empty while the model cannot be exported. */
  public ReadOnlyStringProperty codeProperty() {
    return code.getReadOnlyProperty();
  }

  /** Why the model cannot be exported, with each problem on its own line; empty when it can. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The file the code belongs in, such as {@code spiral.py}; empty while there is no code. */
  public ReadOnlyStringProperty fileNameProperty() {
    return fileName.getReadOnlyProperty();
  }

  /** A short line after Copy, such as "Copied 42 lines"; cleared when the code changes. */
  public ReadOnlyStringProperty feedbackProperty() {
    return feedback.getReadOnlyProperty();
  }

  /**
   * The text to put on the clipboard, and the feedback line saying so; {@code null} (with a feedback line saying why) while there is
   * no code.
   */
  public String copy() {
    if (code.get().isEmpty()) {
      feedback.set(Messages.get("inspect.export.nothingToCopy"));
      return null;
    }
    feedback.set(Messages.get("inspect.export.copied", code.get().lines().count(), fileName.get()));
    return code.get();
  }

  /** Clears the feedback line, for the view once it has been shown long enough. */
  public void clearFeedback() {
    feedback.set("");
  }

  /** Writes the code again in the current language's messages. */
  public void relocalize() {
    export();
  }

  private void export() {
    feedback.set("");
    ModelSpec spec = model.getValue();
    ExportTarget t = target.get();
    String n = name.getValue() == null || name.getValue().isBlank() ? DEFAULT_NAME : name.getValue().trim();
    if (spec == null || spec.size() == 0 || t == null) {
      code.set("");
      fileName.set("");
      error.set(Messages.get("inspect.export.empty"));
      return;
    }
    try {
      code.set(t.exporter().export(spec, n));
      fileName.set(t.exporter().fileName(n));
      error.set("");
    } catch (ExportException e) {
      code.set("");
      fileName.set("");
      // The headline, then the problems one a line, both in the window's language (the exception's message is English).
      StringBuilder text = new StringBuilder(Messages.get("inspect.export.failed", t.displayName(), e.headline(Messages.locale())));
      for (Problem p : e.problems(Messages.locale())) {
        text.append('\n').append("\u2022 ").append(p.layerId() == null ? p.message() : p.layerId() + ": " + p.message());
      }
      error.set(text.toString());
    } catch (RuntimeException e) {
      // An exporter bug must not take the model page down; show it as plainly as a refused model.
      code.set("");
      fileName.set("");
      error.set(Messages.get("inspect.export.failed", t.displayName(), Messages.describe(e)));
    }
  }
}
