package org.layerlab.app.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerlab.app.i18n.Messages;

/**
 * One typed field of the training form: the text as the user typed it, whether it applies to the current choices (a field that does
 * not apply is hidden and never blocks training), and why its text cannot be used.
 *
 * <p>The key is the field's path in {@link org.layerlab.model.project.TrainingSettings#fieldProblems()} ({@code learningRate},
 * {@code schedule.gamma}), so the settings' own range messages land under the right field.
 */
public final class SetupField {

  /** How the text is read. */
  public enum Kind {
    /** A number such as 0.001 or 1e-4. */
    DECIMAL,
    /** A number, or nothing for the optimizer's own default (NaN in the settings). */
    OPTIONAL_DECIMAL,
    /** A whole number that fits an int. */
    WHOLE,
    /** A whole number that fits a long (the seed). */
    LONG,
    /** Whole numbers separated by commas or spaces, such as {@code 30, 60}. */
    WHOLE_LIST
  }

  private final String key;
  private final Kind kind;
  private final Object neutral;
  private final StringProperty text;
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final ReadOnlyBooleanWrapper applies = new ReadOnlyBooleanWrapper(this, "applies", true);
  private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
  private final Object opened;
  private Object lastReadable;
  private boolean edited;
  private boolean conditional;

  /**
   * @param neutral the value used while the field does not apply and its own value would be reported as a problem
   * @param opened the value in the opened settings, kept while the field does not apply and the user has not typed in it
   * @param start the value the text starts from: {@code opened}, or a suggestion where the opened settings do not use the field
   */
  SetupField(String key, Kind kind, Object neutral, Object opened, Object start) {
    this.key = Objects.requireNonNull(key, "key");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.neutral = Objects.requireNonNull(neutral, "neutral");
    this.opened = Objects.requireNonNull(opened, "opened");
    this.lastReadable = Objects.requireNonNull(start, "start");
    this.text = new SimpleStringProperty(this, "text", format(start));
    text.addListener(o -> edited = true);
  }

  /** The settings path this field edits, such as {@code schedule.gamma}. */
  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  /** The text in the control; bind it both ways. */
  public StringProperty textProperty() {
    return text;
  }

  /** Why the text cannot be used, or an empty string; always empty while the field does not apply. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Whether the field matters for the current choices; the form shows only fields that do. */
  public ReadOnlyBooleanProperty appliesProperty() {
    return applies.getReadOnlyProperty();
  }

  /** A hint for an empty field, such as the optimizer's default epsilon. */
  public ReadOnlyStringProperty promptProperty() {
    return prompt.getReadOnlyProperty();
  }

  /** Whether the field applies only to some choices; a field that always applies is never hidden by the form. */
  public boolean conditional() {
    return conditional;
  }

  void setConditional(boolean value) {
    conditional = value;
  }

  void setApplies(boolean value) {
    applies.set(value);
  }

  void setPrompt(String value) {
    prompt.set(value == null ? "" : value);
  }

  void setProblem(String value) {
    problem.set(value == null ? "" : value);
  }

  Object neutral() {
    return neutral;
  }

  /**
   * The value the settings take while the field does not apply: the opened settings' own until the user types in the field, then
   * the last readable one.
   */
  Object unusedValue() {
    return edited ? lastReadable : opened;
  }

  /** The value of the last text that could be read. */
  Object lastReadable() {
    return lastReadable;
  }

  /**
   * Reads the text; on success the value becomes {@link #lastReadable()}.
   *
   * @return the message saying what to type, or {@code null} when the text was read
   */
  String read() {
    String t = text.get() == null ? "" : text.get().trim();
    try {
      lastReadable =
          switch (kind) {
            case DECIMAL -> Double.valueOf(t);
            case OPTIONAL_DECIMAL -> t.isEmpty() ? Double.NaN : Double.valueOf(t);
            case WHOLE -> Integer.valueOf(t);
            case LONG -> Long.valueOf(t);
            case WHOLE_LIST -> wholeList(t);
          };
      return null;
    } catch (NumberFormatException e) {
      return switch (kind) {
        case DECIMAL, OPTIONAL_DECIMAL -> Messages.get("settings.notANumber", text.get());
        case WHOLE, LONG -> Messages.get("settings.notAWholeNumber", text.get());
        case WHOLE_LIST -> Messages.get("setup.notAList", text.get());
      };
    }
  }

  private static List<Integer> wholeList(String t) {
    List<Integer> out = new ArrayList<>();
    for (String part : t.split("[,;\\s]+")) {
      if (!part.isEmpty()) {
        out.add(Integer.valueOf(part));
      }
    }
    return List.copyOf(out);
  }

  /** A value as the user would type it: 0.001, 32, 30, 60; nothing for an optional value left to the optimizer. */
  static String format(Object value) {
    if (value instanceof Double d) {
      if (Double.isNaN(d)) {
        return "";
      }
    }
    return org.layerlab.model.layer.Setting.text(value);
  }
}
