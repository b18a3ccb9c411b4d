package org.layerlab.app.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;

/**
 * The editing state of one layer: its current spec and one {@link SettingField} per value (its name first). It lives as long as the
 * layer, so text the user typed survives selecting another card and coming back.
 *
 * <p>A field's text is applied to the spec whenever {@link Setting#normalize} can read it, even when the value is out of range: the
 * model analysis then reports the range problem on the card. Text that cannot be read at all (letters in a number) is kept in the
 * field with its message and counts as a problem of the layer, while the spec keeps the last readable value.
 */
public final class LayerEditor {

  /** The key of the field that edits the layer's name. */
  public static final String NAME_KEY = "id";

  private final Runnable onEdit;
  private final List<SettingField> fields = new ArrayList<>();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private LayerSpec spec;

  LayerEditor(LayerSpec spec, Runnable onEdit) {
    this.spec = spec;
    this.onEdit = onEdit;
    SettingField name =
        new SettingField(
            NAME_KEY,
            Messages.get("settings.name"),
            Messages.get("settings.name.description"),
            SettingField.Editor.TEXT,
            List.of(),
            spec.id());
    name.textProperty().addListener((obs, old, text) -> rename(text));
    fields.add(name);
    LayerType type = spec.type();
    for (Setting s : type.settings()) {
      SettingField field =
          new SettingField(
              s.name(),
              s.name(),
              type.settingDescription(s.name(), Messages.locale()),
              s.kind() == Setting.Kind.CHOICE ? SettingField.Editor.CHOICE : SettingField.Editor.TEXT,
              s.choices(),
              format(spec.settings().get(s.name())));
      field.textProperty().addListener((obs, old, text) -> apply(s, field, text));
      fields.add(field);
    }
    updateTitle();
  }

  public LayerSpec spec() {
    return spec;
  }

  public LayerType type() {
    return spec.type();
  }

  public String id() {
    return spec.id();
  }

  /** The name field first, then one field per setting in the catalog's order. */
  public List<SettingField> fields() {
    return List.copyOf(fields);
  }

  /** The field with the given key ({@link #NAME_KEY} or a setting name). */
  public SettingField field(String key) {
    return fields.stream()
        .filter(f -> f.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(spec.type().jsonName() + " has no field '" + key + "'"));
  }

  /** The heading of the settings form, such as "dense1 (Dense)". */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** Messages of fields whose text cannot be read; the analysis knows nothing of these, so they are reported beside it. */
  List<String> unreadableProblems() {
    return fields.stream().filter(SettingField::unreadable).map(SettingField::getProblem).collect(Collectors.toList());
  }

  private void rename(String text) {
    spec = spec.withId(text == null ? "" : text.trim());
    updateTitle();
    onEdit.run();
  }

  private void apply(Setting setting, SettingField field, String text) {
    Object value;
    try {
      value = setting.normalize(text == null ? "" : text);
    } catch (IllegalArgumentException e) {
      field.setProblem(e.getMessage(), true);
      onEdit.run();
      return;
    }
    field.setProblem(setting.problem(value), false);
    spec = spec.with(setting.name(), value);
    onEdit.run();
  }

  private void updateTitle() {
    title.set(Messages.get("settings.title", spec.id(), spec.type().jsonName()));
  }

  /** A setting value as the user would type it: 64, 0.5, relu, 1, 28, 28. */
  static String format(Object value) {
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }
}
