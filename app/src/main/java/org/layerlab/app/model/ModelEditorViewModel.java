package org.layerlab.app.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.LayerReport;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Problem;
import org.layerlab.model.layer.Family;
import org.layerlab.model.layer.LayerType;

/**
 * The model being edited: its layers, the analysis of every edit (output shapes, parameter counts, problems), the selected layer and
 * the commands that change the model.
 *
 * <p>Every change re-analyses the whole model with {@link ModelAnalyzer}, against the dataset's {@link DataSignature} when one is
 * known, and republishes the cards. Models have a handful of layers, so this is instant.
 */
public final class ModelEditorViewModel {

  /** How many problems the problems line lists before it says how many more there are. */
  static final int PROBLEMS_SHOWN = 3;

  private final List<LayerEditor> editors = new ArrayList<>();
  private List<PaletteGroup> palette;

  private final ObservableList<LayerItem> items = FXCollections.observableArrayList();
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();
  // One wrapper each, kept: a wrapper listens to its source weakly, so a new one per call could drop the caller's listeners.
  private final ObservableList<LayerItem> itemsView = FXCollections.unmodifiableObservableList(items);
  private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
  private final ReadOnlyObjectWrapper<ModelSpec> model = new ReadOnlyObjectWrapper<>(this, "model");
  private final ReadOnlyObjectWrapper<ModelAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
  private final ReadOnlyObjectWrapper<LayerEditor> selectedLayer = new ReadOnlyObjectWrapper<>(this, "selectedLayer");
  private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
  private final ReadOnlyBooleanWrapper canRemove = new ReadOnlyBooleanWrapper(this, "canRemove");
  private final ReadOnlyBooleanWrapper canMoveUp = new ReadOnlyBooleanWrapper(this, "canMoveUp");
  private final ReadOnlyBooleanWrapper canMoveDown = new ReadOnlyBooleanWrapper(this, "canMoveDown");
  private final ReadOnlyBooleanWrapper canAdd = new ReadOnlyBooleanWrapper(this, "canAdd");
  private final ReadOnlyStringWrapper totalsText = new ReadOnlyStringWrapper(this, "totalsText");
  private final ReadOnlyStringWrapper problemsText = new ReadOnlyStringWrapper(this, "problemsText");
  private final ObjectProperty<LayerType> paletteSelection = new SimpleObjectProperty<>(this, "paletteSelection");
  private final ReadOnlyStringWrapper paletteDescription = new ReadOnlyStringWrapper(this, "paletteDescription", "");

  private DataSignature dataSignature;

  public ModelEditorViewModel(ModelSpec initial) {
    palette = buildPalette();
    for (LayerSpec layer : initial.layers()) {
      editors.add(new LayerEditor(layer, this::refresh));
    }
    canAdd.bind(paletteSelection.isNotNull());
    paletteSelection.addListener(
        (obs, old, type) -> paletteDescription.set(type == null ? Messages.get("palette.hint") : type.description(Messages.locale())));
    paletteDescription.set(Messages.get("palette.hint"));
    refresh();
    select(editors.isEmpty() ? -1 : 0);
  }

  // ---- state --------------------------------------------------------------------------------------------------------------------

  /** The layer types grouped by family, in catalog order. */
  public List<PaletteGroup> palette() {
    return palette;
  }

  /** One card per layer, in model order; replaced as a whole on every change. */
  public ObservableList<LayerItem> items() {
    return itemsView;
  }

  /** Every problem: unreadable field text and the analysis's findings, layer by layer, then those of the model as a whole. */
  public ObservableList<Problem> problems() {
    return problemsView;
  }

  /** The model as it stands, with the last readable value of every field. */
  public ReadOnlyObjectProperty<ModelSpec> modelProperty() {
    return model.getReadOnlyProperty();
  }

  public ModelSpec getModel() {
    return model.get();
  }

  public ReadOnlyObjectProperty<ModelAnalysis> analysisProperty() {
    return analysis.getReadOnlyProperty();
  }

  /** The editor of the selected layer, or {@code null}; it changes only when the selection does, not on every keystroke. */
  public ReadOnlyObjectProperty<LayerEditor> selectedLayerProperty() {
    return selectedLayer.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty selectedIndexProperty() {
    return selectedIndex.getReadOnlyProperty();
  }

  /** Whether the model can be trained: no layer problem, no model problem and no unreadable field. */
  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  public boolean isValid() {
    return valid.get();
  }

  public ReadOnlyBooleanProperty canRemoveProperty() {
    return canRemove.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canMoveUpProperty() {
    return canMoveUp.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canMoveDownProperty() {
    return canMoveDown.getReadOnlyProperty();
  }

  /** Whether a palette entry is selected, so that {@link #addSelectedType()} has something to add. */
  public ReadOnlyBooleanProperty canAddProperty() {
    return canAdd.getReadOnlyProperty();
  }

  /** Layer count, total parameters and the model's output shape, in one line. */
  public ReadOnlyStringProperty totalsTextProperty() {
    return totalsText.getReadOnlyProperty();
  }

  /** The first problems, one a line, or a line saying the model is valid. */
  public ReadOnlyStringProperty problemsTextProperty() {
    return problemsText.getReadOnlyProperty();
  }

  /** The palette entry the user picked; {@link #addSelectedType()} adds it. */
  public ObjectProperty<LayerType> paletteSelectionProperty() {
    return paletteSelection;
  }

  /** The explanation of the palette's selected type, or how to use the palette when none is selected. */
  public ReadOnlyStringProperty paletteDescriptionProperty() {
    return paletteDescription.getReadOnlyProperty();
  }

  // ---- commands -----------------------------------------------------------------------------------------------------------------

  /** Checks the model against the samples and classes of the dataset from now on; {@code null} checks the model alone. */
  public void setDataSignature(DataSignature signature) {
    this.dataSignature = signature;
    refresh();
  }

  /** Adds a layer of {@code type} with default settings after the selected layer (at the end when none is) and selects it. */
  public void addLayer(LayerType type) {
    LayerSpec layer = LayerSpec.of(model.get().freshId(type), type);
    int at = selectedIndex.get() < 0 ? editors.size() : selectedIndex.get() + 1;
    editors.add(at, new LayerEditor(layer, this::refresh));
    refresh();
    select(at);
  }

  /** Adds the palette's selected type, as {@link #addLayer}; does nothing when none is selected. */
  public void addSelectedType() {
    if (paletteSelection.get() != null) {
      addLayer(paletteSelection.get());
    }
  }

  /** Removes the selected layer and selects its successor (or predecessor when it was last). */
  public void removeSelected() {
    int i = selectedIndex.get();
    if (i < 0) {
      return;
    }
    editors.remove(i);
    refresh();
    select(Math.min(i, editors.size() - 1));
  }

  public void moveSelectedUp() {
    move(-1);
  }

  public void moveSelectedDown() {
    move(1);
  }

  /** Selects the layer at {@code index}; an index outside the model clears the selection. */
  public void select(int index) {
    boolean inside = index >= 0 && index < editors.size();
    selectedIndex.set(inside ? index : -1);
    selectedLayer.set(inside ? editors.get(index) : null);
    updateCommands();
  }

  /** Selects the next ({@code +1}) or previous ({@code -1}) layer, staying inside the model; for arrow keys. */
  public void selectRelative(int delta) {
    if (editors.isEmpty()) {
      return;
    }
    int from = selectedIndex.get() < 0 ? (delta > 0 ? -1 : editors.size()) : selectedIndex.get();
    select(Math.max(0, Math.min(editors.size() - 1, from + delta)));
  }

  /**
   * Republishes every text in the current language: the palette, the cards and the settings forms. The model and the selection stay;
   * only a field whose text cannot be read falls back to its last readable value.
   */
  public void relocalize() {
    palette = buildPalette();
    int selected = selectedIndex.get();
    List<LayerSpec> specs = editors.stream().map(LayerEditor::spec).toList();
    editors.clear();
    specs.forEach(spec -> editors.add(new LayerEditor(spec, this::refresh)));
    LayerType type = paletteSelection.get();
    paletteDescription.set(type == null ? Messages.get("palette.hint") : type.description(Messages.locale()));
    refresh();
    select(selected);
  }

  // ---- internals ----------------------------------------------------------------------------------------------------------------

  private void move(int delta) {
    int from = selectedIndex.get();
    int to = from + delta;
    if (from < 0 || to < 0 || to >= editors.size()) {
      return;
    }
    editors.add(to, editors.remove(from));
    refresh();
    select(to);
  }

  /** Re-analyses the model and republishes every derived value. Called after each structural change and each field edit. */
  private void refresh() {
    ModelSpec spec = new ModelSpec(editors.stream().map(LayerEditor::spec).toList());
    ModelAnalysis result = ModelAnalyzer.analyze(spec, dataSignature);
    List<LayerItem> cards = new ArrayList<>();
    List<Problem> found = new ArrayList<>();
    for (int i = 0; i < editors.size(); i++) {
      LayerEditor editor = editors.get(i);
      LayerReport report = result.layers().get(i);
      List<String> messages = new ArrayList<>(editor.unreadableProblems());
      messages.addAll(report.problems());
      messages.forEach(m -> found.add(new Problem(editor.id(), m)));
      if (i == editors.size() - 1) {
        // Model-level problems (the wrong number of outputs, an output that is not a class vector) are fixed at the last layer.
        messages.addAll(result.modelProblems());
      }
      cards.add(
          new LayerItem(
              i,
              editor.id(),
              editor.type().jsonName(),
              summary(editor.spec()),
              report.outputShape() == null ? Messages.get("card.shapeUnknown") : report.outputShape().toString(),
              Messages.get("card.parameters", report.parameters()),
              messages));
    }
    result.modelProblems().forEach(m -> found.add(new Problem(null, m)));

    model.set(spec);
    analysis.set(result);
    items.setAll(cards);
    problems.setAll(found);
    valid.set(found.isEmpty());
    totalsText.set(
        Messages.get(
            "model.totals",
            editors.size(),
            result.totalParameters(),
            result.outputShape().map(Object::toString).orElse(Messages.get("model.outputUnknown"))));
    problemsText.set(describe(found));
    updateCommands();
  }

  private void updateCommands() {
    int i = selectedIndex.get();
    canRemove.set(i >= 0);
    canMoveUp.set(i > 0);
    canMoveDown.set(i >= 0 && i < editors.size() - 1);
  }

  private static String describe(List<Problem> found) {
    if (found.isEmpty()) {
      return Messages.get("model.valid");
    }
    List<String> lines = found.stream().limit(PROBLEMS_SHOWN).map(Problem::toString).collect(Collectors.toList());
    if (found.size() > PROBLEMS_SHOWN) {
      lines.add(Messages.get("model.moreProblems", found.size() - PROBLEMS_SHOWN));
    }
    return String.join("\n", lines);
  }

  /** The key settings of a layer in one line, such as "units 64 · activation relu". */
  static String summary(LayerSpec layer) {
    return layer.settings().entrySet().stream()
        .map(e -> e.getKey() + " " + LayerEditor.format(e.getValue()))
        .collect(Collectors.joining(" · "));
  }

  private static List<PaletteGroup> buildPalette() {
    List<PaletteGroup> groups = new ArrayList<>();
    for (Family family : Family.values()) {
      List<PaletteEntry> entries =
          Arrays.stream(LayerType.values())
              .filter(t -> t.family() == family)
              .map(t -> new PaletteEntry(t, t.jsonName(), t.description(Messages.locale())))
              .toList();
      if (!entries.isEmpty()) {
        groups.add(new PaletteGroup(family.displayName(Messages.locale()), entries));
      }
    }
    return List.copyOf(groups);
  }
}
