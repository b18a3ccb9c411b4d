package org.layerlab.app.model.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.LayerReport;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.edit.RenameLayerEdit;
import org.layerlab.model.layer.Setting;

/**
 * The selected layer's name and settings as property rows, validated as the user types and applied through {@link LayerEdits} only
 * when valid. It never changes the model itself: it reads the model and the selection, and follows them when they change (an undo
 * elsewhere puts the model's value back into a row the user has not typed in).
 *
 * <p>Text rows are applied by {@link #commit} (the sheet calls it on Enter and when the editor loses focus), so one typed value
 * makes one undoable edit, not one per key; choices are applied at once.
 */
public final class LayerPropertySheetViewModel {

  /** The key of the row that edits the layer's name. */
  public static final String NAME_KEY = "name";

  private final ObservableValue<ModelSpec> model;
  private final ObservableValue<String> selection;
  private final LayerEdits edits;
  private final ObservableList<LayerProperty> properties = FXCollections.observableArrayList();
  private final ObservableList<LayerProperty> readOnlyProperties = FXCollections.unmodifiableObservableList(properties);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
  private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
  private final ReadOnlyBooleanWrapper hasLayer = new ReadOnlyBooleanWrapper(this, "hasLayer");
  /** The layer shown: the selection, or the name a rename from this sheet gave it until the selection changes. */
  private String layerId;

  /**
   * @param model the model being edited
   * @param selection the selected layer's id, {@code null} when nothing is selected
   * @param edits carries out the sheet's edits on the model
   */
  public LayerPropertySheetViewModel(ObservableValue<ModelSpec> model, ObservableValue<String> selection, LayerEdits edits) {
    this.model = Objects.requireNonNull(model, "model");
    this.selection = Objects.requireNonNull(selection, "selection");
    this.edits = Objects.requireNonNull(edits, "edits");
    layerId = selection.getValue();
    rebuild();
    selection.addListener((obs, old, id) -> {
      if (!Objects.equals(id, layerId)) {
        layerId = id;
        rebuild();
      }
    });
    model.addListener((obs, old, spec) -> refresh());
  }

  /** The rows: the name first, then the settings in the catalog's order; empty when no layer is shown. */
  public ObservableList<LayerProperty> properties() {
    return readOnlyProperties;
  }

  /** The row with {@code key}. */
  public LayerProperty property(String key) {
    return properties.stream()
        .filter(p -> p.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the sheet shows no '" + key + "'; it shows " + keys()));
  }

  private List<String> keys() {
    return properties.stream().map(LayerProperty::key).toList();
  }

  /** "dense1 (dense)", or empty when no layer is shown. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** What the layer type does, in the current language. */
  public ReadOnlyStringProperty descriptionProperty() {
    return description.getReadOnlyProperty();
  }

  /** What to do while no layer is shown; empty while one is. */
  public ReadOnlyStringProperty hintProperty() {
    return hint.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasLayerProperty() {
    return hasLayer.getReadOnlyProperty();
  }

  /** Rebuilds the rows in the current language, keeping nothing typed; for a language switch. */
  public void relocalize() {
    rebuild();
  }

  /**
   * Applies the row's text through {@link LayerEdits} when it is valid and differs from the model's value.
   *
   * @return whether an edit was made
   */
  public boolean commit(LayerProperty property) {
    Optional<LayerSpec> layer = layer();
    if (layer.isEmpty() || !properties.contains(property)) {
      return false;
    }
    String problem = validate(layer.get(), property);
    property.setProblem(problem);
    if (problem != null || property.textProperty().get().trim().equals(property.modelText())) {
      return false;
    }
    String text = property.textProperty().get().trim();
    String old = layerId;
    try {
      if (property.key().equals(NAME_KEY)) {
        layerId = text; // before the edit: the model changes during it, and the rows must follow the new name
        edits.rename(old, text);
      } else {
        Setting s = layer.get().type().setting(property.key());
        edits.changeSetting(layerId, property.key(), s.normalize(text));
      }
    } catch (RuntimeException e) {
      // The model page refused the edit (an edit it cannot undo, a layer gone meanwhile): say so under the row.
      layerId = old;
      property.setProblem(Messages.describe(e));
      return false;
    }
    return true;
  }

  private Optional<LayerSpec> layer() {
    ModelSpec spec = model.getValue();
    return layerId == null || spec == null ? Optional.empty() : spec.find(layerId);
  }

  private void rebuild() {
    properties.clear();
    Optional<LayerSpec> found = layer();
    hasLayer.set(found.isPresent());
    if (found.isEmpty()) {
      title.set("");
      description.set("");
      hint.set(Messages.get(layerId == null ? "inspect.sheet.none" : "inspect.sheet.missing", layerId));
      return;
    }
    LayerSpec layer = found.get();
    hint.set("");
    title.set(Messages.get("inspect.sheet.title", layer.id(), layer.type().jsonName()));
    description.set(layer.type().description(Messages.locale()));
    List<LayerProperty> rows = new ArrayList<>();
    rows.add(
        new LayerProperty(
            NAME_KEY,
            Messages.get("inspect.sheet.name"),
            Messages.get("inspect.sheet.category.layer"),
            Messages.get("settings.name.description"),
            LayerProperty.Editor.TEXT,
            List.of(),
            layer.id()));
    for (Setting s : layer.type().settings()) {
      String about = layer.type().settingDescription(s.name(), Messages.locale());
      String allowed = allowed(s);
      rows.add(
          new LayerProperty(
              s.name(),
              s.name(),
              Messages.get("inspect.sheet.category.settings"),
              about.isEmpty() ? allowed : about + "\n" + allowed,
              s.kind() == Setting.Kind.CHOICE ? LayerProperty.Editor.CHOICE : LayerProperty.Editor.TEXT,
              s.choices(),
              Setting.text(layer.settings().get(s.name()))));
    }
    for (LayerProperty p : rows) {
      p.textProperty().addListener((obs, old, text) -> {
        layer().ifPresent(l -> p.setProblem(validate(l, p)));
        if (p.editor() == LayerProperty.Editor.CHOICE) {
          commit(p);
        }
      });
    }
    properties.setAll(rows);
  }

  /** Follows a model change: rows the user has not typed in take the model's value; typed rows are checked again. */
  private void refresh() {
    Optional<LayerSpec> found = layer();
    if (found.isEmpty() || properties.isEmpty() || !sameLayout(found.get())) {
      rebuild();
      return;
    }
    LayerSpec layer = found.get();
    title.set(Messages.get("inspect.sheet.title", layer.id(), layer.type().jsonName()));
    for (LayerProperty p : properties) {
      String now = p.key().equals(NAME_KEY) ? layer.id() : Setting.text(layer.settings().get(p.key()));
      boolean untouched = p.textProperty().get().trim().equals(p.modelText());
      p.setModelText(now);
      if (untouched) {
        p.textProperty().set(now);
      }
      p.setProblem(validate(layer, p));
    }
  }

  /** Whether the rows still fit the layer: the same type's settings (a layer replaced by another of another type does not). */
  private boolean sameLayout(LayerSpec layer) {
    List<String> wanted = new ArrayList<>();
    wanted.add(NAME_KEY);
    wanted.addAll(layer.type().settingNames());
    return wanted.equals(keys());
  }

  /** Why the row's text cannot be applied to {@code layer}, or {@code null}. */
  private String validate(LayerSpec layer, LayerProperty p) {
    String text = p.textProperty().get() == null ? "" : p.textProperty().get().trim();
    if (p.key().equals(NAME_KEY)) {
      return nameProblem(layer, text);
    }
    Setting s = layer.type().setting(p.key());
    Object value;
    try {
      value = s.normalize(text);
    } catch (IllegalArgumentException e) {
      return Messages.describe(e);
    }
    return s.problem(value, Messages.locale());
  }

  /** The model builder's word on a new name: taken or empty (the rename edit), or not a valid name (the analyzer). */
  private String nameProblem(LayerSpec layer, String name) {
    if (name.equals(layer.id())) {
      return null;
    }
    ModelSpec spec = model.getValue();
    ModelSpec renamed;
    try {
      renamed = new RenameLayerEdit(layer.id(), name).execute(spec);
    } catch (IllegalArgumentException e) {
      return Messages.describe(e);
    }
    List<String> before = ModelAnalyzer.analyze(spec, Messages.locale()).layer(layer.id()).map(LayerReport::problems).orElse(List.of());
    List<String> after = ModelAnalyzer.analyze(renamed, Messages.locale()).layer(name).map(LayerReport::problems).orElse(List.of());
    List<String> added = after.stream().filter(m -> !before.contains(m)).collect(Collectors.toList());
    return added.isEmpty() ? null : String.join("; ", added);
  }

  private static String allowed(Setting s) {
    return switch (s.kind()) {
      case INT -> Messages.get("inspect.sheet.allowed.int", (long) s.min(), (long) s.max());
      case DOUBLE -> Messages.get("inspect.sheet.allowed.double", Setting.text(s.min()), Setting.text(s.max()));
      case CHOICE -> Messages.get("inspect.sheet.allowed.choice", String.join(", ", s.choices()));
      case INT_LIST -> Messages.get("inspect.sheet.allowed.list", (long) s.min(), (long) s.max());
    };
  }
}
