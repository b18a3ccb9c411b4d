package org.layerlab.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.edit.ChangeSettingEdit;
import org.layerlab.model.edit.ModelEdit;
import org.layerlab.model.edit.RenameLayerEdit;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;

/**
 * The editing state of one layer: its current spec and one {@link SettingField} per value (its name first). It lives as long as the
 * layer, so text the user typed survives selecting another card and coming back.
 *
 * <p>A field's text is applied to the model whenever {@link Setting#normalize} can read it, even when the value is out of range: the
 * model analysis then reports the range problem on the node. Every change goes through the editor's {@link Sink} as an undoable
 * edit ({@link ChangeSettingEdit}, {@link RenameLayerEdit}). Text that cannot be read at all (letters in a number), and a name the
 * model refuses (taken, or empty), is kept in the field with its message and counts as a problem of the layer, while the model keeps
 * the last readable value.
 */
public final class LayerEditor {

  /** The key of the field that edits the layer's name. */
  public static final String NAME_KEY = "id";

  /** Where a layer editor sends its edits: the model editor, which runs them through its edit history. */
  interface Sink {
    /**
     * Runs {@code edit} as an undo step called {@code step}; {@code renamedTo} is the new name when the edit renames the layer, else
     * {@code null}. Edits from the same {@code field}, one after another, may undo as one step. Returns {@code null} when it was
     * applied, or why the model refused it.
     */
    String apply(ModelEdit edit, String step, String renamedTo, Object field);

    /** Republishes the problems after a field's own problem changed without an edit. */
    void problemsChanged();
  }

  private final Sink sink;
  private final List<SettingField> fields = new ArrayList<>();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private LayerSpec spec;

  LayerEditor(LayerSpec spec, Sink sink) {
    this.spec = spec;
    this.sink = sink;
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
              Setting.text(spec.settings().get(s.name())));
      field.setProblem(s.problem(spec.settings().get(s.name()), Messages.locale()), false); // a value out of range says so from the start
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

  /** The layer as the model has it now, after an edit from this editor; the fields keep what the user typed. */
  void update(LayerSpec now) {
    spec = now;
    updateTitle();
  }

  private void rename(String text) {
    String newId = text == null ? "" : text.trim();
    SettingField field = field(NAME_KEY);
    if (newId.equals(spec.id())) {
      field.setProblem(null, false);
      sink.problemsChanged();
      return;
    }
    String refused =
        sink.apply(new RenameLayerEdit(spec.id(), newId), Messages.get("canvas.step.rename", spec.id(), newId), newId, field);
    field.setProblem(refused, refused != null);
    sink.problemsChanged();
  }

  private void apply(Setting setting, SettingField field, String text) {
    Object value;
    try {
      value = setting.normalize(text == null ? "" : text);
    } catch (IllegalArgumentException e) {
      field.setProblem(Messages.describe(e), true);
      sink.problemsChanged();
      return;
    }
    field.setProblem(setting.problem(value, Messages.locale()), false);
    String refused =
        sink.apply(
            new ChangeSettingEdit(spec.id(), setting.name(), value),
            Messages.get("canvas.step.setting", setting.name(), spec.id()),
            null,
            field);
    if (refused != null) {
      field.setProblem(refused, true);
    }
    sink.problemsChanged();
  }

  private void updateTitle() {
    title.set(Messages.get("settings.title", spec.id(), spec.type().jsonName()));
  }
}
