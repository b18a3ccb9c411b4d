package org.layerlab.app.model;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable value of a layer, as the settings form shows it: the text the user typed (kept as typed, right or wrong) and what is
 * wrong with it. The owning {@link LayerEditor} reads the text on every change and applies it to the layer when it can.
 */
public final class SettingField {

  /** Which control edits the value. */
  public enum Editor {
    TEXT,
    CHOICE
  }

  private final String key;
  private final String label;
  private final String description;
  private final Editor editor;
  private final List<String> choices;
  private final StringProperty text;
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private boolean unreadable;

  SettingField(String key, String label, String description, Editor editor, List<String> choices, String initialText) {
    this.key = key;
    this.label = label;
    this.description = description;
    this.editor = editor;
    this.choices = List.copyOf(choices);
    this.text = new SimpleStringProperty(this, "text", initialText);
  }

  /** The setting's name in the project file ({@code units}), or {@code id} for the layer's name. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** What the value means, for a hint under the control. */
  public String description() {
    return description;
  }

  public Editor editor() {
    return editor;
  }

  /** The allowed values of a {@link Editor#CHOICE} field; empty otherwise. */
  public List<String> choices() {
    return choices;
  }

  /** The text in the control; bind it both ways. */
  public StringProperty textProperty() {
    return text;
  }

  public String getText() {
    return text.get();
  }

  public void setText(String value) {
    text.set(value);
  }

  /** Why the text is not allowed, or an empty string. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public String getProblem() {
    return problem.get();
  }

  /** Whether the text cannot be read as a value at all, so the layer still holds the previous value. */
  public boolean unreadable() {
    return unreadable;
  }

  void setProblem(String message, boolean unreadable) {
    this.unreadable = unreadable;
    problem.set(message == null ? "" : message);
  }
}
