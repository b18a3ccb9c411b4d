package org.layerlab.app.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.model.canvas.CanvasCommands;
import org.layerlab.app.model.canvas.CanvasNode;
import org.layerlab.app.model.canvas.CanvasViewModel;
import org.layerlab.app.model.canvas.CanvasWire;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.LayerReport;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Problem;
import org.layerlab.model.edit.AddLayerEdit;
import org.layerlab.model.edit.CompoundEdit;
import org.layerlab.model.edit.ConnectPortsEdit;
import org.layerlab.model.edit.DisconnectPortsEdit;
import org.layerlab.model.edit.EditEvent;
import org.layerlab.model.edit.EditHistory;
import org.layerlab.model.edit.ModelEdit;
import org.layerlab.model.edit.RenameLayerEdit;
import org.layerlab.model.edit.MoveLayerEdit;
import org.layerlab.model.edit.RemoveLayerEdit;
import org.layerlab.model.layer.Family;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;
import org.layerlab.model.project.Layout;
import org.layerlab.model.project.Layout.Position;
import org.layerlab.model.template.ModelTemplate;

/**
 * The model being edited: its layers as a graph, the analysis of every edit (output shapes, parameter counts, problems), the
 * selection, the clipboard, undo and redo, and the commands that change the model.
 *
 * <p>Every change of the model is a {@link ModelEdit} run by one {@link EditHistory}, so each can be undone. The undo stack here
 * interleaves those edits with moves of nodes on the canvas (which are not model edits): undo takes back whichever came last, and
 * an edit's undo also puts the nodes back where they were before it. After each change the whole model is re-analysed with
 * {@link ModelAnalyzer}, against the dataset's {@link DataSignature} when one is known; models have at most a few hundred layers,
 * so this is instant.
 */
public final class ModelEditorViewModel implements CanvasCommands {

  /** How many problems the problems line lists before it says how many more there are. */
  static final int PROBLEMS_SHOWN = 3;

  /**
   * One step of the undo stack: {@code edits} model edits of the history (0 for a move of nodes alone), with the node positions
   * before and after. Typing in one field of the settings form makes one step however many keystrokes it took; {@code mergeKey}
   * names that field ({@code null} for every other step).
   */
  private record Step(
      String description, int edits, Map<String, Position> placesBefore, Map<String, Position> placesAfter, Object mergeKey) {}

  /** The field of the form whose edits merge into one undo step, set while such an edit runs. */
  private Object typingIn;

  private final EditHistory history;
  private final CanvasViewModel canvas;
  private final Deque<Step> undoSteps = new ArrayDeque<>();
  private final Deque<Step> redoSteps = new ArrayDeque<>();
  private final List<LayerEditor> editors = new ArrayList<>();
  private final LayerEditor.Sink sink = new FieldSink();
  private List<PaletteGroup> palette;
  private List<LayerSpec> clipboard = List.of();
  private Map<String, Position> clipboardPlaces = Map.of();
  private int pasteCount;
  private boolean fieldEdit;

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
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
  private final ReadOnlyBooleanWrapper canCopy = new ReadOnlyBooleanWrapper(this, "canCopy");
  private final ReadOnlyBooleanWrapper canPaste = new ReadOnlyBooleanWrapper(this, "canPaste");
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
  private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "");
  private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper totalsText = new ReadOnlyStringWrapper(this, "totalsText");
  private final ReadOnlyStringWrapper problemsText = new ReadOnlyStringWrapper(this, "problemsText");
  private final ObjectProperty<LayerType> paletteSelection = new SimpleObjectProperty<>(this, "paletteSelection");
  private final ReadOnlyStringWrapper paletteDescription = new ReadOnlyStringWrapper(this, "paletteDescription", "");

  private DataSignature dataSignature;

  public ModelEditorViewModel(ModelSpec initial) {
    this(initial, Layout.NONE);
  }

  /** Edits {@code initial}, drawing its layers where {@code layout} says the user placed them and the rest automatically. */
  public ModelEditorViewModel(ModelSpec initial, Layout layout) {
    palette = buildPalette();
    history = new EditHistory(initial);
    canvas = new CanvasViewModel(layout);
    history.addListener(this::onHistory);
    canvas.selection().addListener((ListChangeListener<String>) c -> onSelection());
    canvas.selectedWireProperty().addListener((obs, old, wire) -> updateCommands());
    canAdd.bind(paletteSelection.isNotNull());
    paletteSelection.addListener(
        (obs, old, type) -> paletteDescription.set(type == null ? Messages.get("palette.hint") : type.description(Messages.locale())));
    paletteDescription.set(Messages.get("palette.hint"));
    rebuildEditors();
    refresh();
    select(editors.isEmpty() ? -1 : 0);
  }

  // ---- state --------------------------------------------------------------------------------------------------------------------

  /** The layer types grouped by family, in catalog order. */
  public List<PaletteGroup> palette() {
    return palette;
  }

  /** The palette filtered by {@code query} (part of a type's name or family, any case); groups left empty are left out. */
  public List<PaletteGroup> palette(String query) {
    String q = query == null ? "" : query.trim().toLowerCase(Messages.locale());
    if (q.isEmpty()) {
      return palette;
    }
    List<PaletteGroup> out = new ArrayList<>();
    for (PaletteGroup g : palette) {
      boolean groupMatches = g.title().toLowerCase(Messages.locale()).contains(q);
      List<PaletteEntry> entries =
          g.entries().stream().filter(e -> groupMatches || e.name().toLowerCase(Messages.locale()).contains(q)).toList();
      if (!entries.isEmpty()) {
        out.add(new PaletteGroup(g.title(), entries));
      }
    }
    return out;
  }

  /** What the canvas draws: nodes, wires, node selection and zoom. */
  public CanvasViewModel canvas() {
    return canvas;
  }

  /** One item per layer, in model order; replaced as a whole on every change. */
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

  /** Where the user placed layers on the canvas, as the project file keeps it. */
  public ReadOnlyObjectProperty<Layout> layoutProperty() {
    return canvas.layoutProperty();
  }

  public Layout getLayout() {
    return canvas.getLayout();
  }

  public ReadOnlyObjectProperty<ModelAnalysis> analysisProperty() {
    return analysis.getReadOnlyProperty();
  }

  /** The editor of the layer selected last, or {@code null}; it changes only when the selection does, not on every keystroke. */
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

  /** Whether something is selected that {@link #removeSelected()} removes: layers, or a wire. */
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

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** What undo would take back, such as "Undo: add dense3", for the button's tooltip. */
  public ReadOnlyStringProperty undoTextProperty() {
    return undoText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty redoTextProperty() {
    return redoText.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canCopyProperty() {
    return canCopy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canPasteProperty() {
    return canPaste.getReadOnlyProperty();
  }

  /** Whether the model differs from the one last opened or {@link #markSaved() saved}; undoing back to it makes it clean. */
  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  /** Why the last edit asked for was refused (a taken name, a port that does not exist), or an empty string. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
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

  /** The templates to start from, in catalog order. */
  public List<ModelTemplate> templates() {
    return List.of(ModelTemplate.values());
  }

  /** Whether replacing the model would drop edits that were never saved, so the user should be asked first. */
  public boolean hasUnsavedEdits() {
    return history.isDirty();
  }

  // ---- commands -----------------------------------------------------------------------------------------------------------------

  /** Checks the model against the samples and classes of the dataset from now on; {@code null} checks the model alone. */
  public void setDataSignature(DataSignature signature) {
    this.dataSignature = signature;
    refresh();
  }

  /** Runs {@code edit} as one undo step; returns whether the model changed. A refused edit says why in {@link #messageProperty()}. */
  public boolean execute(ModelEdit edit) {
    return execute(edit, edit.description(), () -> {}) == null;
  }

  /** Runs {@code edit} as one undo step that the Undo button's tooltip calls {@code stepText} (in the UI language). */
  public boolean execute(ModelEdit edit, String stepText) {
    return execute(edit, stepText, () -> {}) == null;
  }

  /**
   * Renames layer {@code from} to {@code to} as one undo step; the selection follows the name. Returns whether the model changed
   * (a refused name says why in {@link #messageProperty()}).
   */
  public boolean renameLayer(String from, String to) {
    canvas.rename(from, to);
    String refused = execute(new RenameLayerEdit(from, to), Messages.get("inspect.step.rename", from, to), () -> {});
    if (refused != null) {
      canvas.rename(to, from);
    }
    onSelection();
    return refused == null;
  }

  /** Adds a layer of {@code type} with default settings after the selected layer (at the end when none is) and selects it. */
  public void addLayer(LayerType type) {
    String id = getModel().freshId(type);
    int at = selectedIndex.get() < 0 ? getModel().size() : selectedIndex.get() + 1;
    if (execute(new AddLayerEdit(at, LayerSpec.of(id, type)), Messages.get("canvas.step.add", id), () -> canvas.forget(id)) == null) {
      canvas.selectOnly(id);
    }
  }

  /** Adds the palette's selected type, as {@link #addLayer}; does nothing when none is selected. */
  public void addSelectedType() {
    if (paletteSelection.get() != null) {
      addLayer(paletteSelection.get());
    }
  }

  @Override
  public void addLayerAt(LayerType type, double x, double y) {
    String id = getModel().freshId(type);
    List<String> open = java.util.Collections.nCopies(type.minInputs(), LayerSpec.UNCONNECTED);
    LayerSpec layer = LayerSpec.of(id, type).withInputs(open);
    Position at = new Position(x - canvas.geometry().nodeWidth() / 2, y - canvas.geometry().nodeHeight() / 2);
    if (execute(AddLayerEdit.append(layer), Messages.get("canvas.step.add", id), () -> canvas.place(Map.of(id, at))) == null) {
      canvas.selectOnly(id);
    }
  }

  @Override
  public boolean connect(String from, String to, int port) {
    int target = getModel().indexOf(to);
    if (target < 0 || getModel().indexOf(from) < 0) {
      return false;
    }
    int ports = getModel().inputsOf(target).size();
    int p = Math.max(0, Math.min(port, ports));
    LayerType type = getModel().layer(target).type();
    if (p >= type.maxInputs()) {
      message.set(Messages.get("canvas.refused", Messages.get("canvas.noMoreInputs", type.maxInputs(), to, type.jsonName())));
      return false;
    }
    if (p < ports && from.equals(getModel().inputsOf(target).get(p))) {
      return false; // connected so already
    }
    return execute(new ConnectPortsEdit(from, to, p), Messages.get("canvas.step.connect", from, to), () -> {}) == null;
  }

  /** Disconnects the wire into input port {@code port} of {@code to}. */
  public boolean disconnect(String to, int port) {
    return execute(new DisconnectPortsEdit(to, port), Messages.get("canvas.step.disconnect", to, port + 1), () -> {}) == null;
  }

  @Override
  public void placeNodes(Map<String, Position> positions) {
    Map<String, Position> before = canvas.snapshot();
    canvas.place(positions);
    Map<String, Position> after = canvas.snapshot();
    if (!after.equals(before)) {
      pushStep(new Step(Messages.get("canvas.step.move", positions.size()), 0, before, after, null));
    }
  }

  /** Lays out the whole model again, forgetting where the user placed nodes; undoable. */
  public void relayout() {
    Map<String, Position> before = canvas.snapshot();
    canvas.relayout();
    if (!before.isEmpty()) {
      pushStep(new Step(Messages.get("canvas.step.layout"), 0, before, canvas.snapshot(), null));
    }
  }

  /** Removes the selected layers as one undoable step, or disconnects the selected wire; the selection moves to the next layer. */
  @Override
  public void removeSelected() {
    CanvasWire wire = canvas.selectedWireProperty().get();
    if (wire != null) {
      disconnect(wire.to(), wire.port());
      return;
    }
    List<String> ids = selectedInModelOrder();
    if (ids.isEmpty()) {
      return;
    }
    int first = getModel().indexOf(ids.get(0));
    List<ModelEdit> edits = ids.stream().map(id -> (ModelEdit) new RemoveLayerEdit(id)).toList();
    ModelEdit edit = edits.size() == 1 ? edits.get(0) : new CompoundEdit("Remove " + String.join(", ", ids), edits);
    String text = ids.size() == 1 ? Messages.get("canvas.step.remove", ids.get(0)) : Messages.get("canvas.step.removeMany", ids.size());
    if (execute(edit, text, () -> {}) == null) {
      select(Math.min(first, getModel().size() - 1));
    }
  }

  /** Selects every layer. */
  public void selectAll() {
    canvas.selectAll(getModel().layers().stream().map(LayerSpec::id).toList(), false);
  }

  /** Copies the selected layers, with the wires between them, to the editor's clipboard. */
  public void copy() {
    List<String> ids = selectedInModelOrder();
    if (ids.isEmpty()) {
      return;
    }
    ModelSpec m = getModel();
    List<LayerSpec> copied = new ArrayList<>();
    Map<String, Position> places = new LinkedHashMap<>();
    for (String id : ids) {
      int i = m.indexOf(id);
      copied.add(m.layer(i).withInputs(m.inputsOf(i))); // a layer reading the one before it names it, so the copy keeps its wire
      canvas.node(id).ifPresent(n -> places.put(id, new Position(n.x(), n.y())));
    }
    clipboard = List.copyOf(copied);
    clipboardPlaces = Map.copyOf(places);
    pasteCount = 0;
    updateCommands();
  }

  /**
   * Adds copies of the clipboard's layers under new unique names, offset from the originals, and selects them. Wires between copied
   * layers are kept (between the copies); inputs from layers that were not copied are left open to connect.
   */
  public void paste() {
    if (clipboard.isEmpty()) {
      return;
    }
    pasteCount++;
    Set<String> taken = new HashSet<>(getModel().layers().stream().map(LayerSpec::id).toList());
    Map<String, String> renamed = new LinkedHashMap<>();
    for (LayerSpec layer : clipboard) {
      String id = uniqueName(layer.id(), taken);
      taken.add(id);
      renamed.put(layer.id(), id);
    }
    List<ModelEdit> edits = new ArrayList<>();
    Map<String, Position> places = new LinkedHashMap<>();
    double offset = CanvasViewModel.PASTE_OFFSET * pasteCount;
    for (LayerSpec layer : clipboard) {
      List<String> inputs = layer.inputs().stream().map(in -> renamed.getOrDefault(in, LayerSpec.UNCONNECTED)).toList();
      String id = renamed.get(layer.id());
      edits.add(AddLayerEdit.append(layer.withId(id).withInputs(inputs)));
      Position p = clipboardPlaces.get(layer.id());
      if (p != null) {
        places.put(id, new Position(p.x() + offset, p.y() + offset));
      }
    }
    ModelEdit edit = new CompoundEdit("Paste " + String.join(", ", renamed.values()), edits);
    if (execute(edit, Messages.get("canvas.step.paste", edits.size()), () -> canvas.place(places)) == null) {
      canvas.selectAll(List.copyOf(renamed.values()), false);
    }
  }

  /** Replaces the model by a fresh copy of {@code template}, laid out anew; one undo step brings the old model back. */
  public void useTemplate(ModelTemplate template) {
    List<ModelEdit> edits = new ArrayList<>();
    getModel().layers().forEach(l -> edits.add(new RemoveLayerEdit(l.id())));
    template.model().layers().forEach(l -> edits.add(AddLayerEdit.append(l)));
    String name = template.displayName();
    if (execute(new CompoundEdit("Use template " + name, edits), Messages.get("canvas.step.template", name), canvas::relayout) == null) {
      select(0);
    }
  }

  public void undo() {
    Step step = undoSteps.poll();
    if (step == null) {
      return;
    }
    redoSteps.push(step);
    canvas.restore(step.placesBefore());
    for (int i = 0; i < step.edits(); i++) {
      history.undo();
    }
    message.set("");
    updateCommands();
  }

  public void redo() {
    Step step = redoSteps.poll();
    if (step == null) {
      return;
    }
    undoSteps.push(step);
    canvas.restore(step.placesAfter());
    for (int i = 0; i < step.edits(); i++) {
      history.redo();
    }
    message.set("");
    updateCommands();
  }

  /** Remembers the current model as the one on disk, for {@link #dirtyProperty()}. */
  public void markSaved() {
    history.markSaved();
    dirty.set(history.isDirty());
  }

  public void moveSelectedUp() {
    move(-1);
  }

  public void moveSelectedDown() {
    move(1);
  }

  /** Selects just the layer at {@code index}; an index outside the model clears the selection. */
  public void select(int index) {
    boolean inside = index >= 0 && index < getModel().size();
    canvas.selectOnly(inside ? getModel().layer(index).id() : null);
    onSelection();
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
   * Republishes every text in the current language: the palette, the nodes and the settings forms. The model, the selection and the
   * undo stack stay; only a field whose text cannot be read falls back to its last readable value.
   */
  public void relocalize() {
    palette = buildPalette();
    rebuildEditors();
    LayerType type = paletteSelection.get();
    paletteDescription.set(type == null ? Messages.get("palette.hint") : type.description(Messages.locale()));
    refresh();
    onSelection();
  }

  // ---- internals ----------------------------------------------------------------------------------------------------------------

  /**
   * Runs {@code edit} as one undo step named {@code text}; {@code places} then moves nodes as part of the same step. Returns
   * {@code null} when the model changed, else why not (also published as the message).
   */
  private String execute(ModelEdit edit, String text, Runnable places) {
    Map<String, Position> before = canvas.snapshot();
    boolean changed;
    try {
      changed = history.execute(edit);
    } catch (IllegalArgumentException e) {
      // The model builder's refusal, in the window's language (its getMessage stays English for the command line).
      String refused = Messages.describe(e);
      message.set(Messages.get("canvas.refused", refused));
      return refused;
    }
    if (!changed) {
      return Messages.get("canvas.unchanged");
    }
    places.run();
    Step top = undoSteps.peek();
    if (typingIn != null && top != null && typingIn.equals(top.mergeKey()) && redoSteps.isEmpty()) {
      undoSteps.pop(); // more typing in the same field: one step for all of it
      pushStep(new Step(text, top.edits() + 1, top.placesBefore(), canvas.snapshot(), typingIn));
    } else {
      pushStep(new Step(text, 1, before, canvas.snapshot(), typingIn));
    }
    message.set("");
    return null;
  }

  private void pushStep(Step step) {
    undoSteps.push(step);
    if (undoSteps.size() > EditHistory.DEFAULT_LIMIT) {
      undoSteps.removeLast();
    }
    redoSteps.clear();
    updateCommands();
  }

  private void onHistory(EditEvent event) {
    if (event.kind() == EditEvent.Kind.RESET) {
      undoSteps.clear();
      redoSteps.clear();
    }
    if (fieldEdit) {
      ModelSpec m = event.model();
      for (int i = 0; i < editors.size() && i < m.size(); i++) {
        editors.get(i).update(m.layer(i));
      }
    } else {
      rebuildEditors();
    }
    refresh();
    onSelection();
  }

  private void rebuildEditors() {
    editors.clear();
    history.model().layers().forEach(spec -> editors.add(new LayerEditor(spec, sink)));
  }

  /** The layer that the settings form shows is the one selected last. */
  private void onSelection() {
    if (fieldEdit) {
      return; // a rename in the form: the selection follows it once the model has the new name
    }
    List<String> ids = canvas.selection();
    String primary = ids.isEmpty() ? null : ids.get(ids.size() - 1);
    int index = primary == null ? -1 : history.model().indexOf(primary);
    LayerEditor editor = index < 0 || index >= editors.size() ? null : editors.get(index);
    selectedIndex.set(index);
    if (selectedLayer.get() != editor) {
      selectedLayer.set(editor);
    }
    updateCommands();
  }

  private void move(int delta) {
    int from = selectedIndex.get();
    int to = from + delta;
    if (from < 0 || to < 0 || to >= editors.size()) {
      return;
    }
    String id = getModel().layer(from).id();
    if (execute(new MoveLayerEdit(from, to), Messages.get("canvas.step.order", id), () -> {}) == null) {
      canvas.selectOnly(id);
    }
  }

  private List<String> selectedInModelOrder() {
    return getModel().layers().stream().map(LayerSpec::id).filter(canvas::isSelected).distinct().toList();
  }

  /** {@code id} when free, else its stem with the first free number: dense1 becomes dense2, conv becomes conv1. */
  static String uniqueName(String id, Set<String> taken) {
    if (!taken.contains(id)) {
      return id;
    }
    String stem = id.replaceAll("[0-9]+$", "");
    for (int n = 1; ; n++) {
      if (!taken.contains(stem + n)) {
        return stem + n;
      }
    }
  }

  /** Re-analyses the model and republishes every derived value. Called after each change and each field problem. */
  private void refresh() {
    ModelSpec spec = history.model();
    ModelAnalysis result = ModelAnalyzer.analyze(spec, dataSignature, Messages.locale());
    List<LayerItem> cards = new ArrayList<>();
    List<CanvasNode> drafts = new ArrayList<>();
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
      LayerItem item =
          new LayerItem(
              i,
              editor.id(),
              editor.type().jsonName(),
              summary(editor.spec()),
              report.outputShape() == null ? Messages.get("card.shapeUnknown") : report.outputShape().toString(),
              Messages.get("card.parameters", report.parameters()),
              messages);
      cards.add(item);
      LayerType type = editor.type();
      List<String> inputs = new ArrayList<>(spec.inputsOf(i));
      while (inputs.size() < type.minInputs()) {
        inputs.add(LayerSpec.UNCONNECTED);
      }
      boolean growable = type.isMerge() && inputs.size() < type.maxInputs();
      drafts.add(
          new CanvasNode(
              item.id(), item.typeName(), item.summary(), item.outputShape(), item.parameters(), messages, 0, 0, inputs, growable, false));
    }
    result.modelProblems().forEach(m -> found.add(new Problem(null, m)));

    model.set(spec);
    analysis.set(result);
    canvas.update(spec, drafts);
    items.setAll(cards);
    problems.setAll(found);
    valid.set(found.isEmpty());
    dirty.set(history.isDirty());
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
    boolean nodes = !canvas.selection().isEmpty();
    canRemove.set(nodes || canvas.selectedWireProperty().get() != null);
    canMoveUp.set(i > 0 && canvas.selection().size() == 1);
    canMoveDown.set(i >= 0 && i < editors.size() - 1 && canvas.selection().size() == 1);
    canCopy.set(nodes);
    canPaste.set(!clipboard.isEmpty());
    canUndo.set(!undoSteps.isEmpty());
    canRedo.set(!redoSteps.isEmpty());
    undoText.set(undoSteps.isEmpty() ? Messages.get("canvas.undo") : Messages.get("canvas.undoStep", undoSteps.peek().description()));
    redoText.set(redoSteps.isEmpty() ? Messages.get("canvas.redo") : Messages.get("canvas.redoStep", redoSteps.peek().description()));
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
        .map(e -> e.getKey() + " " + Setting.text(e.getValue()))
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

  /** Runs the settings form's edits as undo steps, keeping the form's fields (and the user's focus) as they are. */
  private final class FieldSink implements LayerEditor.Sink {
    @Override
    public String apply(ModelEdit edit, String step, String renamedTo, Object field) {
      String renamedFrom = renamedTo == null ? null : selectedLayer.get() == null ? null : selectedLayer.get().id();
      fieldEdit = true;
      typingIn = field;
      String refused;
      try {
        if (renamedFrom != null) {
          canvas.rename(renamedFrom, renamedTo); // the selection follows the name, so the form keeps showing this layer
        }
        refused = execute(edit, step, () -> {});
        if (refused != null && renamedFrom != null) {
          canvas.rename(renamedTo, renamedFrom);
        }
      } finally {
        fieldEdit = false;
        typingIn = null;
      }
      onSelection();
      return refused == null || refused.equals(Messages.get("canvas.unchanged")) ? null : refused;
    }

    @Override
    public void problemsChanged() {
      refresh();
    }
  }
}
