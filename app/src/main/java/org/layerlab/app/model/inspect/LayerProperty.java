package org.layerlab.app.model.inspect;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the layer property sheet: the layer's name, or one of its settings. The text is what the editor shows, kept as typed;
 * the problem says why it cannot be applied. {@link LayerPropertySheetViewModel#commit} applies a text without a problem.
 */
public final class LayerProperty {

  /** Which editor the row needs. */
  public enum Editor {
    /** Free text: a name, a number or a list of numbers. */
    TEXT,
    /** One of {@link #choices()}. */
    CHOICE
  }

  private final String key;
  private final String label;
  private final String category;
  private final String description;
  private final Editor editor;
  private final List<String> choices;
  private final StringProperty text;
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private String modelText;

  LayerProperty(String key, String label, String category, String description, Editor editor, List<String> choices, String modelText) {
    this.key = key;
    this.label = label;
    this.category = category;
    this.description = description;
    this.editor = editor;
    this.choices = List.copyOf(choices);
    this.modelText = modelText;
    this.text = new SimpleStringProperty(this, "text", modelText);
  }

  /** {@link LayerPropertySheetViewModel#NAME_KEY} for the name, else the setting's name in the project file ({@code units}). */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** The group the sheet shows the row in. */
  public String category() {
    return category;
  }

  /** What the value means and which values are allowed. */
  public String description() {
    return description;
  }

  public Editor editor() {
    return editor;
  }

  public List<String> choices() {
    return choices;
  }

  /** The text in the editor; bind it both ways. */
  public StringProperty textProperty() {
    return text;
  }

  /** Why the text cannot be applied, or an empty string. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** The value as the model holds it, formatted as the editor shows it. */
  public String modelText() {
    return modelText;
  }

  void setModelText(String value) {
    modelText = value;
  }

  void setProblem(String value) {
    problem.set(value == null ? "" : value);
  }
}
