package org.layerlab.app.model.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.project.Layout;
import org.layerlab.model.project.Layout.Position;

/**
 * What the model canvas draws and the state only it has: where every node is (placed by the user, or else by {@link GraphLayout}),
 * the wires, which nodes or which wire are selected, and the zoom.
 *
 * <p>The model itself and every change to it belong to the model editor's view model, which hands each new model here with
 * {@link #update}. Positions the user placed are kept by layer id, also for layers an edit removed, so that undoing the removal puts
 * the layer back where it was.
 *
 * <p>Node sizes follow the canvas's text size ({@link #setTextSize}): the classroom mode's larger text makes every node, gap and
 * position larger by the same factor ({@link CanvasGeometry#scale()}). Positions are remembered, laid out and saved in the project
 * at the standard text size and scaled on the way to the canvas, so a project looks the same whichever text size drew it.
 */
public final class CanvasViewModel {

  /** A node's width at the standard text size; {@link CanvasGeometry#nodeWidth()} is the width drawn. */
  public static final double NODE_WIDTH = 184;
  /** A node's height at the standard text size; {@link CanvasGeometry#nodeHeight()} is the height drawn. */
  public static final double NODE_HEIGHT = 84;
  public static final double MIN_ZOOM = 0.25;
  public static final double MAX_ZOOM = 2.0;
  /** How far a pasted node lands from the node it copies, right and down. */
  public static final double PASTE_OFFSET = 32;

  private static final double ZOOM_STEP = 1.25;

  /** Lays out at the standard text size; {@link #publish} scales the result to the text size of the moment. */
  private final GraphLayout layouter = new GraphLayout(NODE_WIDTH, NODE_HEIGHT);
  private final Map<String, Position> placed = new LinkedHashMap<>();
  private final ObservableList<CanvasNode> nodes = FXCollections.observableArrayList();
  private final ObservableList<CanvasWire> wires = FXCollections.observableArrayList();
  private final ObservableList<String> selected = FXCollections.observableArrayList();
  private final ObservableList<CanvasNode> nodesView = FXCollections.unmodifiableObservableList(nodes);
  private final ObservableList<CanvasWire> wiresView = FXCollections.unmodifiableObservableList(wires);
  private final ObservableList<String> selectedView = FXCollections.unmodifiableObservableList(selected);
  private final ReadOnlyObjectWrapper<CanvasWire> selectedWire = new ReadOnlyObjectWrapper<>(this, "selectedWire");
  private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>(this, "layout", Layout.NONE);
  private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
  private final ReadOnlyStringWrapper zoomText = new ReadOnlyStringWrapper(this, "zoomText", "100%");
  private final ReadOnlyObjectWrapper<CanvasGeometry> geometry = new ReadOnlyObjectWrapper<>(this, "geometry", CanvasGeometry.STANDARD);

  private ModelSpec model = new ModelSpec(List.of());
  private List<CanvasNode> unplaced = List.of();
  private GraphLayout.Result auto = new GraphLayout.Result(Map.of(), Map.of(), Map.of());

  public CanvasViewModel(Layout initial) {
    placed.putAll(initial.positions());
  }

  // ---- state --------------------------------------------------------------------------------------------------------------------

  /** One node per layer, in model order, placed; replaced as a whole on every change. */
  public ObservableList<CanvasNode> nodes() {
    return nodesView;
  }

  public ObservableList<CanvasWire> wires() {
    return wiresView;
  }

  /** The ids of the selected layers, in the order they were selected. */
  public ObservableList<String> selection() {
    return selectedView;
  }

  /** The selected wire, or {@code null}; a wire and nodes are never selected together. */
  public ReadOnlyObjectProperty<CanvasWire> selectedWireProperty() {
    return selectedWire.getReadOnlyProperty();
  }

  /** Where the user placed layers of the model, as the project file keeps it. */
  public ReadOnlyObjectProperty<Layout> layoutProperty() {
    return layout.getReadOnlyProperty();
  }

  public Layout getLayout() {
    return layout.get();
  }

  public ReadOnlyDoubleProperty zoomProperty() {
    return zoom.getReadOnlyProperty();
  }

  /** The zoom as a percentage, such as "80%". */
  public ReadOnlyStringProperty zoomTextProperty() {
    return zoomText.getReadOnlyProperty();
  }

  /** The sizes nodes are drawn at, for the canvas's text size. */
  public ReadOnlyObjectProperty<CanvasGeometry> geometryProperty() {
    return geometry.getReadOnlyProperty();
  }

  public CanvasGeometry geometry() {
    return geometry.get();
  }

  /**
   * Draws the nodes for a canvas whose text is {@code pixels} large (the window's font size, larger in classroom mode): nodes,
   * gaps and positions grow or shrink with it.
   */
  public void setTextSize(double pixels) {
    CanvasGeometry next = new CanvasGeometry(pixels);
    if (!next.equals(geometry.get())) {
      geometry.set(next);
      publish();
    }
  }

  public Optional<CanvasNode> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** The row the automatic layout gives a layer, from 0 at the top; -1 for an unknown id. */
  public int row(String id) {
    return auto.rows().getOrDefault(id, -1);
  }

  /** The smallest rectangle holding every node, as {minX, minY, maxX, maxY}; all zero for an empty model. */
  public double[] contentBounds() {
    if (nodes.isEmpty()) {
      return new double[4];
    }
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (CanvasNode n : nodes) {
      b[0] = Math.min(b[0], n.x());
      b[1] = Math.min(b[1], n.y());
      b[2] = Math.max(b[2], n.x() + geometry().nodeWidth());
      b[3] = Math.max(b[3], n.y() + geometry().nodeHeight());
    }
    return b;
  }

  /** The nodes whose box meets the rectangle between the two corners (in canvas coordinates, any two opposite corners). */
  public List<String> nodesIn(double x0, double y0, double x1, double y1) {
    double minX = Math.min(x0, x1);
    double maxX = Math.max(x0, x1);
    double minY = Math.min(y0, y1);
    double maxY = Math.max(y0, y1);
    double w = geometry().nodeWidth();
    double h = geometry().nodeHeight();
    return nodes.stream()
        .filter(n -> n.x() < maxX && n.x() + w > minX && n.y() < maxY && n.y() + h > minY)
        .map(CanvasNode::id)
        .toList();
  }

  // ---- selection ----------------------------------------------------------------------------------------------------------------

  /** Selects just {@code id}; {@code null} clears the selection. */
  public void selectOnly(String id) {
    selectedWire.set(null);
    if (id == null) {
      selected.clear();
    } else if (!selected.equals(List.of(id))) {
      selected.setAll(id);
    }
  }

  /** Adds {@code id} to the selection, or takes it out when it is in already (Ctrl- or Shift-click). */
  public void toggle(String id) {
    selectedWire.set(null);
    if (!selected.remove(id)) {
      selected.add(id);
    }
  }

  /** Selects {@code ids}, added to the selection when {@code extend} is set (a rubber band drawn with Ctrl or Shift). */
  public void selectAll(List<String> ids, boolean extend) {
    selectedWire.set(null);
    Set<String> next = new LinkedHashSet<>(extend ? selected : List.of());
    next.addAll(ids);
    selected.setAll(next);
  }

  public void selectWire(CanvasWire wire) {
    selected.clear();
    selectedWire.set(wire);
  }

  public boolean isSelected(String id) {
    return selected.contains(id);
  }

  // ---- zoom ---------------------------------------------------------------------------------------------------------------------

  public void zoomIn() {
    setZoom(zoom.get() * ZOOM_STEP);
  }

  public void zoomOut() {
    setZoom(zoom.get() / ZOOM_STEP);
  }

  /** Sets the zoom, kept between {@link #MIN_ZOOM} and {@link #MAX_ZOOM}. */
  public void setZoom(double value) {
    double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value));
    zoom.set(z);
    zoomText.set(Math.round(z * 100) + "%");
  }

  /** Zooms so that every node fits a view of the given size (never above 100%); returns the zoom. */
  public double fit(double viewWidth, double viewHeight) {
    double[] b = contentBounds();
    double w = b[2] - b[0] + 2 * geometry().margin();
    double h = b[3] - b[1] + 2 * geometry().margin();
    if (nodes.isEmpty() || viewWidth <= 0 || viewHeight <= 0) {
      setZoom(1);
    } else {
      setZoom(Math.min(1, Math.min(viewWidth / w, viewHeight / h)));
    }
    return zoom.get();
  }

  // ---- positions ----------------------------------------------------------------------------------------------------------------

  /**
   * Draws {@code newModel} with a node per entry of {@code drafts} (in model order, positions ignored), keeps the selection to the
   * layers that still exist and re-lays-out the layers the user did not place.
   */
  public void update(ModelSpec newModel, List<CanvasNode> drafts) {
    this.model = newModel;
    this.unplaced = List.copyOf(drafts);
    this.auto = layouter.layout(newModel);
    publish();
    List<String> alive = selected.stream().filter(id -> newModel.indexOf(id) >= 0).toList();
    if (alive.size() != selected.size()) {
      selected.setAll(alive);
    }
    CanvasWire wire = selectedWire.get();
    if (wire != null && wires.stream().noneMatch(wire::sameEnds)) {
      selectedWire.set(null);
    }
  }

  /**
   * Puts the given layers where the user dropped or dragged them (top-left corners in canvas coordinates, as {@link #nodes()} has
   * them); they stay there through later edits.
   */
  public void place(Map<String, Position> positions) {
    double k = geometry().scale();
    positions.forEach((id, p) -> placed.put(id, new Position(p.x() / k, p.y() / k)));
    publish();
  }

  /**
   * Follows a rename of layer {@code from} to {@code to}: its place is kept for the new name too (the old one stays for an undo), and
   * the selection names the layer by its new name.
   */
  public void rename(String from, String to) {
    Position p = placed.get(from);
    if (p != null) {
      placed.put(to, p);
    }
    if (selected.contains(from)) {
      List<String> ids = new ArrayList<>(selected);
      ids.replaceAll(id -> id.equals(from) ? to : id);
      selected.setAll(ids);
    }
  }

  /** Forgets where a layer of that name was placed, so a new layer that reuses the name is laid out automatically. */
  public void forget(String id) {
    if (placed.remove(id) != null) {
      publish();
    }
  }

  /** Forgets every hand-placed position, so the automatic layout draws the whole model again. */
  public void relayout() {
    placed.clear();
    publish();
  }

  /** Every remembered position (at the standard text size, as the project keeps them), for undo: {@link #restore} puts them back. */
  public Map<String, Position> snapshot() {
    return Map.copyOf(placed);
  }

  public void restore(Map<String, Position> positions) {
    placed.clear();
    placed.putAll(positions);
    publish();
  }

  private void publish() {
    double k = geometry().scale();
    List<CanvasNode> out = new ArrayList<>();
    Map<String, CanvasNode> byId = new HashMap<>();
    for (CanvasNode d : unplaced) {
      Position p = placed.get(d.id());
      boolean byHand = p != null;
      if (p == null) {
        p = auto.positions().getOrDefault(d.id(), new Position(GraphLayout.MARGIN, GraphLayout.MARGIN));
      }
      CanvasNode n =
          new CanvasNode(
              d.id(),
              d.typeName(),
              d.summary(),
              d.outputShape(),
              d.parameters(),
              d.problems(),
              p.x() * k,
              p.y() * k,
              d.inputs(),
              d.growable(),
              byHand);
      out.add(n);
      byId.putIfAbsent(n.id(), n);
    }
    List<CanvasWire> lines = new ArrayList<>();
    for (CanvasNode n : out) {
      for (int port = 0; port < n.inputs().size(); port++) {
        String from = n.inputs().get(port);
        CanvasNode source = byId.get(from);
        if (source == null) {
          continue;
        }
        List<Position> bends =
            source.placed() || n.placed()
                ? List.of()
                : auto.bends().getOrDefault(new GraphLayout.WireKey(from, n.id(), port), List.of()).stream()
                    .map(b -> new Position(b.x() * k, b.y() * k))
                    .toList();
        lines.add(new CanvasWire(from, n.id(), port, bends));
      }
    }
    nodes.setAll(out);
    wires.setAll(lines);
    Map<String, Position> kept = new LinkedHashMap<>();
    for (var layer : model.layers()) {
      Position p = placed.get(layer.id());
      if (p != null) {
        kept.putIfAbsent(layer.id(), p);
      }
    }
    if (!kept.equals(layout.get().positions())) {
      layout.set(new Layout(kept));
    }
  }
}
