package org.layerlab.app.model.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.Pane;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.Layout.Position;

/**
 * The model as a graph the user edits with the mouse: nodes ({@link NodeView}) joined by wires with arrowheads, data flowing down.
 *
 * <ul>
 *   <li>Drag a layer type from the palette (a node whose {@link #DRAG_TYPE} property holds the {@link LayerType}, starting a full
 *       press-drag-release gesture) and drop it here to add it at that point.
 *   <li>Drag from a node's output port (bottom) to another node's input port (top) to connect them; a drop on the node's body picks
 *       its first open port. Click a wire to select it.
 *   <li>Click a node to select it, Ctrl- or Shift-click to add it to the selection; drag nodes to move them.
 *   <li>Drag empty space (or with the middle button, or with Space held) to pan; Shift-drag empty space for a rubber band that
 *       selects what it meets, Ctrl-drag for one that adds to the selection;
 *       the wheel scrolls, Ctrl+wheel zooms at the mouse.
 * </ul>
 *
 * <p>It only draws the {@link CanvasViewModel} and forwards gestures to it and to the {@link CanvasCommands}.
 */
public final class ModelCanvas extends BorderPane {

  /** The key, in a palette node's properties, of the layer type it drags onto the canvas. */
  public static final String DRAG_TYPE = "layerlab.canvas.dragType";

  private static final double BAND_PAD = 600;
  /** The smallest zoom a first look at the model uses: below it node texts are too small to read. */
  static final double READABLE_ZOOM = 0.75;

  private final CanvasViewModel vm;
  private final CanvasCommands commands;
  private final Pane surface = new Pane();
  private final Pane world = new Pane();
  private final Group wireLayer = new Group();
  private final Group nodeLayer = new Group();
  private final Group overlay = new Group();
  private final ScrollBar hbar = new ScrollBar();
  private final ScrollBar vbar = new ScrollBar();
  private final Label emptyHint = new Label(Messages.get("canvas.empty"));
  /** Never shown: a label with no style of its own, whose font is the window's text size, which node sizes follow. */
  private final Label textProbe = new Label("M");
  private final Translate pan = new Translate();
  private final Scale scale = new Scale(1, 1, 0, 0);
  private final Map<String, NodeView> views = new HashMap<>();
  private final List<Object> strongRefs = new ArrayList<>();

  private final javafx.beans.property.BooleanProperty editable = new javafx.beans.property.SimpleBooleanProperty(this, "editable", true);
  private boolean spaceDown;
  private boolean syncingBars;
  /** Whether the user panned or zoomed; until then the view keeps the whole model in sight as the canvas is resized. */
  private boolean viewMoved;
  // the gesture under way
  private Point2D gestureStart;
  private double panStartX;
  private double panStartY;
  private boolean panning;
  private Rectangle band;
  private boolean bandExtends;
  private Map<String, Position> dragOrigin;
  private Map<String, Position> dragNow;
  private Path pendingWire;
  private String pendingFrom;

  public ModelCanvas(CanvasViewModel vm, CanvasCommands commands) {
    this.vm = vm;
    this.commands = commands;
    setId("modelCanvas");
    getStyleClass().add("model-canvas");
    surface.setId("canvasSurface");
    surface.getStyleClass().add("canvas-surface");
    surface.setFocusTraversable(true);
    surface.setMinSize(120, 120);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(surface.widthProperty());
    clip.heightProperty().bind(surface.heightProperty());
    surface.setClip(clip);
    world.setManaged(false);
    world.getTransforms().setAll(pan, scale);
    world.getChildren().addAll(wireLayer, nodeLayer, overlay);
    emptyHint.getStyleClass().add("canvas-empty");
    emptyHint.setMouseTransparent(true);
    emptyHint.layoutXProperty().bind(surface.widthProperty().subtract(emptyHint.widthProperty()).divide(2));
    emptyHint.layoutYProperty().bind(surface.heightProperty().subtract(emptyHint.heightProperty()).divide(2));
    surface.getChildren().addAll(world, emptyHint);
    hbar.setId("canvasHBar");
    vbar.setId("canvasVBar");
    vbar.setOrientation(Orientation.VERTICAL);
    StackPane centre = new StackPane(surface, createZoomBar());
    centre.setMinSize(120, 120);
    setCenter(centre);
    setRight(vbar);
    setBottom(hbar);
    // beside the surface, not in it: the surface's own style changes (a drop target) restyle what it holds, which let the probe's
    // font fall back to the default size for a moment
    textProbe.setVisible(false);
    textProbe.setManaged(false);
    textProbe.setMouseTransparent(true);
    getChildren().add(textProbe);
    initGestures();
    initListeners();
    redraw();
  }

  /**
   * Whether gestures may change the model (drop, wire, move, which the model page turns off while a lesson locks its commands);
   * selecting, panning and zooming always work.
   */
  public javafx.beans.property.BooleanProperty editableProperty() {
    return editable;
  }

  /** Zoom out, the zoom in percent, zoom in and fit, floating in the canvas's top right corner. */
  private HBox createZoomBar() {
    Button out = zoomButton("zoomOutButton", "\u2212", "canvas.zoomOut");
    out.setOnAction(e -> zoomBy(false));
    Label percent = new Label();
    percent.setId("zoomLabel");
    percent.getStyleClass().add("zoom-label");
    percent.setMinWidth(Region.USE_PREF_SIZE);
    percent.textProperty().bind(vm.zoomTextProperty());
    Button in = zoomButton("zoomInButton", "+", "canvas.zoomIn");
    in.setOnAction(e -> zoomBy(true));
    Button fit = zoomButton("fitButton", Messages.get("canvas.fit"), "canvas.fit.tooltip");
    fit.setOnAction(e -> fitToView());
    HBox bar = new HBox(2, out, percent, in, fit);
    bar.setId("zoomBar");
    bar.getStyleClass().add("canvas-zoom-bar");
    bar.setAlignment(Pos.CENTER);
    bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    bar.setPickOnBounds(false);
    StackPane.setAlignment(bar, Pos.TOP_RIGHT);
    StackPane.setMargin(bar, new Insets(6));
    return bar;
  }

  private static Button zoomButton(String id, String text, String tooltipKey) {
    Button b = new Button(text);
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setFocusTraversable(false);
    b.setTooltip(new javafx.scene.control.Tooltip(Messages.get(tooltipKey)));
    return b;
  }

  // ---- commands the toolbar calls -----------------------------------------------------------------------------------------------

  /** Zooms so that the whole model fits, centred. */
  public void fitToView() {
    vm.fit(surface.getWidth(), surface.getHeight());
    centreContent();
  }

  /**
   * A readable view of the model, for a first look: zoomed to fit, but not below {@link #READABLE_ZOOM} (node texts must stay
   * legible), nor below 100% for classroom mode's larger text; the top of the model at the top, centred across when it fits and
   * else on its first layer.
   */
  public void showModel() {
    double w = surface.getWidth();
    double h = surface.getHeight();
    double fit = vm.fit(w, h);
    // classroom mode's larger text is there to be read from the back of the room: a first look does not shrink it
    vm.setZoom(Math.max(vm.geometry().scale() > 1 ? 1 : READABLE_ZOOM, fit));
    double z = vm.zoomProperty().get();
    double[] b = vm.contentBounds();
    double margin = vm.geometry().margin();
    if ((b[2] - b[0]) * z + 2 * margin * z <= w || vm.nodes().isEmpty()) {
      pan.setX((w - (b[2] - b[0]) * z) / 2 - b[0] * z);
    } else {
      CanvasNode first = vm.nodes().get(0);
      pan.setX(w / 2 - vm.geometry().outputPortX(first) * z);
    }
    pan.setY((b[3] - b[1]) * z + 2 * margin * z <= h ? (h - (b[3] - b[1]) * z) / 2 - b[1] * z : margin * z - b[1] * z);
  }

  /** Zooms in or out by one step, keeping the middle of the view in place. */
  public void zoomBy(boolean in) {
    viewMoved = true;
    Point2D centre = new Point2D(surface.getWidth() / 2, surface.getHeight() / 2);
    Point2D before = toWorld(centre);
    if (in) {
      vm.zoomIn();
    } else {
      vm.zoomOut();
    }
    keep(before, centre);
  }

  /** Converts a point in the surface's coordinates to canvas coordinates. */
  public Point2D toWorld(Point2D surfacePoint) {
    double z = vm.zoomProperty().get();
    return new Point2D((surfacePoint.getX() - pan.getX()) / z, (surfacePoint.getY() - pan.getY()) / z);
  }

  /** Where a canvas point is on the screen, for tests that drag to a node. */
  public Point2D toScreen(double worldX, double worldY) {
    double z = vm.zoomProperty().get();
    return surface.localToScreen(pan.getX() + worldX * z, pan.getY() + worldY * z);
  }

  // ---- drawing ------------------------------------------------------------------------------------------------------------------

  private void initListeners() {
    ListChangeListener<Object> onModel = c -> redraw();
    strongRefs.add(onModel);
    vm.nodes().addListener(new WeakListChangeListener<>(onModel));
    vm.wires().addListener(new WeakListChangeListener<>(onModel));
    ListChangeListener<String> onSelection = c -> restyleSelection();
    strongRefs.add(onSelection);
    vm.selection().addListener(new WeakListChangeListener<>(onSelection));
    ChangeListener<Object> onWire = (obs, old, now) -> drawWires(null);
    strongRefs.add(onWire);
    vm.selectedWireProperty().addListener(new WeakChangeListener<>(onWire));
    ChangeListener<Number> onZoom =
        (obs, old, z) -> {
          scale.setX(z.doubleValue());
          scale.setY(z.doubleValue());
          syncBars();
        };
    strongRefs.add(onZoom);
    vm.zoomProperty().addListener(new WeakChangeListener<>(onZoom));
    scale.setX(vm.zoomProperty().get());
    scale.setY(vm.zoomProperty().get());
    textProbe.fontProperty().addListener((obs, old, font) -> onTextSize(font.getSize()));
    onTextSize(textProbe.getFont().getSize());
    surface.widthProperty().addListener((obs, old, w) -> onResize());
    surface.heightProperty().addListener((obs, old, h) -> onResize());
    pan.xProperty().addListener(o -> syncBars());
    pan.yProperty().addListener(o -> syncBars());
    hbar.valueProperty().addListener((obs, old, v) -> {
      if (!syncingBars) {
        viewMoved = true;
        pan.setX(-v.doubleValue());
      }
    });
    vbar.valueProperty().addListener((obs, old, v) -> {
      if (!syncingBars) {
        viewMoved = true;
        pan.setY(-v.doubleValue());
      }
    });
  }

  private void onResize() {
    if (!viewMoved && surface.getWidth() > 0 && surface.getHeight() > 0) {
      showModel();
    }
    syncBars();
  }

  /**
   * Follows a change of the window's text size (classroom mode): the nodes are drawn at the new size, and the view keeps the
   * whole model in sight, or, once the user moved it, the same part of the model in its middle.
   */
  private void onTextSize(double pixels) {
    double before = vm.geometry().scale();
    Point2D centre = new Point2D(surface.getWidth() / 2, surface.getHeight() / 2);
    Point2D world = toWorld(centre);
    vm.setTextSize(pixels);
    double ratio = vm.geometry().scale() / before;
    if (ratio == 1) {
      return;
    }
    if (!viewMoved && surface.getWidth() > 0 && surface.getHeight() > 0) {
      showModel();
    } else {
      keep(new Point2D(world.getX() * ratio, world.getY() * ratio), centre);
    }
  }

  private void redraw() {
    views.clear();
    List<Node> nodes = new ArrayList<>();
    for (CanvasNode n : vm.nodes()) {
      NodeView view = new NodeView(n, vm.geometry());
      view.setSelected(vm.isSelected(n.id()));
      wireNodeGestures(view);
      views.put(n.id(), view);
      nodes.add(view);
    }
    nodeLayer.getChildren().setAll(nodes);
    drawWires(null);
    emptyHint.setVisible(vm.nodes().isEmpty());
    syncBars();
  }

  private void restyleSelection() {
    views.forEach((id, view) -> view.setSelected(vm.isSelected(id)));
  }

  /** Draws every wire; {@code moved} gives nodes being dragged their position of the moment. */
  private void drawWires(Map<String, Position> moved) {
    List<Node> shapes = new ArrayList<>();
    CanvasWire selected = vm.selectedWireProperty().get();
    for (CanvasWire w : vm.wires()) {
      CanvasNode from = at(vm.node(w.from()).orElse(null), moved);
      CanvasNode to = at(vm.node(w.to()).orElse(null), moved);
      if (from == null || to == null) {
        continue;
      }
      boolean bent = moved == null || (!moved.containsKey(w.from()) && !moved.containsKey(w.to()));
      CanvasGeometry g = vm.geometry();
      Path line = wirePath(g, from, to, w.port(), bent ? w.bends() : List.of());
      line.getStyleClass().add("canvas-wire");
      if (w.sameEnds(selected)) {
        line.getStyleClass().add("selected");
      }
      line.setMouseTransparent(true);
      Path hit = wirePath(g, from, to, w.port(), bent ? w.bends() : List.of());
      hit.setId("wire-" + w.from() + "-" + w.to() + "-" + w.port());
      hit.getStyleClass().add("canvas-wire-hit");
      hit.setOnMousePressed(
          e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
              vm.selectWire(w);
              surface.requestFocus();
              e.consume();
            }
          });
      Path arrow = arrowHead(g, g.inputPortX(to, w.port()), g.inputPortY(to));
      arrow.getStyleClass().add("canvas-arrow");
      if (w.sameEnds(selected)) {
        arrow.getStyleClass().add("selected");
      }
      arrow.setMouseTransparent(true);
      shapes.add(hit);
      shapes.add(line);
      shapes.add(arrow);
    }
    wireLayer.getChildren().setAll(shapes);
  }

  private static CanvasNode at(CanvasNode n, Map<String, Position> moved) {
    if (n == null || moved == null || !moved.containsKey(n.id())) {
      return n;
    }
    Position p = moved.get(n.id());
    return new CanvasNode(
        n.id(), n.typeName(), n.summary(), n.outputShape(), n.parameters(), n.problems(), p.x(), p.y(), n.inputs(), n.growable(), true);
  }

  /** A wire from the output of {@code from} down to input {@code port} of {@code to}, through {@code bends}, leaving and arriving vertically. */
  static Path wirePath(CanvasGeometry g, CanvasNode from, CanvasNode to, int port, List<Position> bends) {
    List<Position> points = new ArrayList<>();
    points.add(new Position(g.outputPortX(from), g.outputPortY(from)));
    points.addAll(bends);
    points.add(new Position(g.inputPortX(to, port), g.inputPortY(to) - g.portRadius() - 8 * g.scale()));
    return curve(g, points);
  }

  private static Path curve(CanvasGeometry g, List<Position> points) {
    Path path = new Path();
    Position first = points.get(0);
    path.getElements().add(new MoveTo(first.x(), first.y()));
    for (int i = 1; i < points.size(); i++) {
      Position a = points.get(i - 1);
      Position b = points.get(i);
      if (a.x() == b.x() && b.y() > a.y() && i > 1 && i < points.size() - 1) {
        path.getElements().add(new LineTo(b.x(), b.y())); // straight down through a row a long wire passes
      } else {
        double k = Math.max(30 * g.scale(), Math.abs(b.y() - a.y()) / 2);
        path.getElements().add(new CubicCurveTo(a.x(), a.y() + k, b.x(), b.y() - k, b.x(), b.y()));
      }
    }
    return path;
  }

  private static Path arrowHead(CanvasGeometry g, double x, double y) {
    double k = g.scale();
    double tip = y - g.portRadius() - k;
    return new Path(new MoveTo(x - 6 * k, tip - 11 * k), new LineTo(x + 6 * k, tip - 11 * k), new LineTo(x, tip), new ClosePath());
  }

  // ---- gestures -----------------------------------------------------------------------------------------------------------------

  private void initGestures() {
    surface.setOnMousePressed(this::onSurfacePressed);
    surface.setOnMouseDragged(this::onSurfaceDragged);
    surface.setOnMouseReleased(this::onSurfaceReleased);
    surface.setOnScroll(this::onScroll);
    surface.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.SPACE) {
            spaceDown = true;
            surface.setCursor(Cursor.OPEN_HAND);
            e.consume();
          }
        });
    surface.setOnKeyReleased(
        e -> {
          if (e.getCode() == KeyCode.SPACE) {
            spaceDown = false;
            surface.setCursor(Cursor.DEFAULT);
            e.consume();
          }
        });
    // a layer type dragged from the palette
    surface.addEventHandler(
        MouseDragEvent.MOUSE_DRAG_ENTERED,
        e -> {
          if (dragType(e) != null && editable.get()) {
            surface.getStyleClass().add("drop-target");
          }
        });
    surface.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> surface.getStyleClass().remove("drop-target"));
    surface.addEventHandler(
        MouseDragEvent.MOUSE_DRAG_RELEASED,
        e -> {
          surface.getStyleClass().remove("drop-target");
          LayerType type = dragType(e);
          if (type != null && editable.get()) {
            viewMoved = true;
            Point2D p = toWorld(surface.sceneToLocal(e.getSceneX(), e.getSceneY()));
            commands.addLayerAt(type, p.getX(), p.getY());
            surface.requestFocus();
            e.consume();
          }
        });
  }

  private static LayerType dragType(MouseDragEvent e) {
    return e.getGestureSource() instanceof Node n && n.getProperties().get(DRAG_TYPE) instanceof LayerType t ? t : null;
  }

  private void onSurfacePressed(MouseEvent e) {
    viewMoved = true; // the user works here now: the view stays where it is
    surface.requestFocus();
    gestureStart = new Point2D(e.getX(), e.getY());
    boolean extend = e.isShiftDown() || e.isShortcutDown();
    if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && (spaceDown || !extend))) {
      panning = true;
      panStartX = pan.getX();
      panStartY = pan.getY();
      surface.setCursor(Cursor.CLOSED_HAND);
    } else if (e.getButton() == MouseButton.PRIMARY) {
      Point2D w = toWorld(gestureStart);
      band = new Rectangle(w.getX(), w.getY(), 0, 0);
      bandExtends = e.isShortcutDown();
      band.setId("rubberBand");
      band.getStyleClass().add("canvas-band");
      overlay.getChildren().add(band);
    }
    e.consume();
  }

  private void onSurfaceDragged(MouseEvent e) {
    if (gestureStart == null) {
      return;
    }
    if (panning) {
      viewMoved = true;
      pan.setX(panStartX + e.getX() - gestureStart.getX());
      pan.setY(panStartY + e.getY() - gestureStart.getY());
    } else if (band != null) {
      Point2D a = toWorld(gestureStart);
      Point2D b = toWorld(new Point2D(e.getX(), e.getY()));
      band.setX(Math.min(a.getX(), b.getX()));
      band.setY(Math.min(a.getY(), b.getY()));
      band.setWidth(Math.abs(a.getX() - b.getX()));
      band.setHeight(Math.abs(a.getY() - b.getY()));
    }
    e.consume();
  }

  private void onSurfaceReleased(MouseEvent e) {
    if (gestureStart == null) {
      return;
    }
    boolean moved = gestureStart.distance(e.getX(), e.getY()) > 3;
    if (band != null) {
      overlay.getChildren().remove(band);
      // a band drawn with Shift selects what it meets; with Ctrl it adds that to the selection
      vm.selectAll(vm.nodesIn(band.getX(), band.getY(), band.getX() + band.getWidth(), band.getY() + band.getHeight()), bandExtends);
      band = null;
    } else if (panning && !moved && e.getButton() == MouseButton.PRIMARY) {
      vm.selectOnly(null); // a click on empty space clears the selection
    }
    panning = false;
    gestureStart = null;
    surface.setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    e.consume();
  }

  private void onScroll(ScrollEvent e) {
    viewMoved = true;
    if (e.isShortcutDown()) {
      Point2D at = new Point2D(e.getX(), e.getY());
      Point2D before = toWorld(at);
      double factor = e.getDeltaY() > 0 ? 1.1 : e.getDeltaY() < 0 ? 1 / 1.1 : 1;
      vm.setZoom(vm.zoomProperty().get() * factor);
      keep(before, at);
    } else {
      pan.setX(pan.getX() + (e.isShiftDown() ? e.getDeltaY() : e.getDeltaX()));
      if (!e.isShiftDown()) {
        pan.setY(pan.getY() + e.getDeltaY());
      }
    }
    e.consume();
  }

  private void wireNodeGestures(NodeView view) {
    String id = view.node().id();
    view.setOnMousePressed(
        e -> {
          viewMoved = true;
          surface.requestFocus();
          if (e.getButton() != MouseButton.PRIMARY) {
            return;
          }
          if (e.isShiftDown() || e.isShortcutDown()) {
            vm.toggle(id);
          } else if (!vm.isSelected(id)) {
            vm.selectOnly(id);
          } else {
            // a click on a selected node makes it the one the settings show, keeping the others
            List<String> ids = new ArrayList<>(vm.selection());
            ids.remove(id);
            ids.add(id);
            vm.selectAll(ids, false);
          }
          gestureStart = new Point2D(e.getSceneX(), e.getSceneY());
          dragOrigin = new LinkedHashMap<>();
          for (String s : vm.selection()) {
            vm.node(s).ifPresent(n -> dragOrigin.put(s, new Position(n.x(), n.y())));
          }
          dragNow = null;
          e.consume();
        });
    view.setOnMouseDragged(
        e -> {
          if (dragOrigin == null || gestureStart == null || e.getButton() != MouseButton.PRIMARY || !editable.get()) {
            return;
          }
          double z = vm.zoomProperty().get();
          double dx = (e.getSceneX() - gestureStart.getX()) / z;
          double dy = (e.getSceneY() - gestureStart.getY()) / z;
          if (dragNow == null && Math.hypot(dx, dy) * z < 3) {
            return;
          }
          dragNow = new LinkedHashMap<>();
          for (var entry : dragOrigin.entrySet()) {
            Position p = new Position(entry.getValue().x() + dx, entry.getValue().y() + dy);
            dragNow.put(entry.getKey(), p);
            NodeView v = views.get(entry.getKey());
            if (v != null) {
              v.relocate(p.x(), p.y());
            }
          }
          drawWires(dragNow);
          e.consume();
        });
    view.setOnMouseReleased(
        e -> {
          Map<String, Position> done = dragNow;
          dragOrigin = null;
          dragNow = null;
          gestureStart = null;
          if (done != null) {
            commands.placeNodes(done);
          }
          e.consume();
        });

    // wires start at output ports
    view.outputPort().setOnMousePressed(
        e -> {
          if (e.getButton() != MouseButton.PRIMARY || !editable.get()) {
            return;
          }
          pendingFrom = id;
          pendingWire = new Path();
          pendingWire.setId("pendingWire");
          pendingWire.getStyleClass().addAll("canvas-wire", "pending");
          pendingWire.setMouseTransparent(true);
          overlay.getChildren().add(pendingWire);
          e.consume();
        });
    view.outputPort().setOnMouseDragged(
        e -> {
          if (pendingWire == null) {
            return;
          }
          CanvasNode from = view.node();
          Point2D p = toWorld(surface.sceneToLocal(e.getSceneX(), e.getSceneY()));
          CanvasGeometry g = vm.geometry();
          Path shape = curve(g, List.of(new Position(g.outputPortX(from), g.outputPortY(from)), new Position(p.getX(), p.getY())));
          pendingWire.getElements().setAll(shape.getElements());
          highlightTarget(p);
          e.consume();
        });
    view.outputPort().setOnMouseReleased(
        e -> {
          if (pendingWire == null) {
            return;
          }
          overlay.getChildren().remove(pendingWire);
          pendingWire = null;
          highlightTarget(null);
          Point2D p = toWorld(surface.sceneToLocal(e.getSceneX(), e.getSceneY()));
          String from = pendingFrom;
          pendingFrom = null;
          target(p).ifPresent(t -> commands.connect(from, t.node().id(), t.port()));
          e.consume();
        });
  }

  private record Target(CanvasNode node, int port) {}

  /** The input port a wire released at {@code p} goes to: a port within reach, or a port of the node under the point. */
  private java.util.Optional<Target> target(Point2D p) {
    Target body = null;
    CanvasGeometry g = vm.geometry();
    double reach = g.wireReach();
    for (CanvasNode n : vm.nodes()) {
      if (n.id().equals(pendingFrom)) {
        continue;
      }
      for (int port = 0; port < n.portCount(); port++) {
        if (Math.hypot(g.inputPortX(n, port) - p.getX(), g.inputPortY(n) - p.getY()) <= reach) {
          return java.util.Optional.of(new Target(n, port));
        }
      }
      int port = g.portAt(n, p.getX(), p.getY(), reach);
      if (port >= 0 && body == null) {
        body = new Target(n, port);
      }
    }
    return java.util.Optional.ofNullable(body);
  }

  private void highlightTarget(Point2D p) {
    views.values().forEach(v -> v.inputPorts().forEach(c -> c.getStyleClass().remove("target")));
    if (p != null) {
      target(p).ifPresent(t -> views.get(t.node().id()).inputPorts().get(t.port()).getStyleClass().add("target"));
    }
  }

  // ---- view position ------------------------------------------------------------------------------------------------------------

  /** Pans so that the canvas point {@code world} is at {@code surfacePoint} again after a zoom. */
  private void keep(Point2D world, Point2D surfacePoint) {
    double z = vm.zoomProperty().get();
    pan.setX(surfacePoint.getX() - world.getX() * z);
    pan.setY(surfacePoint.getY() - world.getY() * z);
  }

  private void centreContent() {
    double[] b = vm.contentBounds();
    double z = vm.zoomProperty().get();
    double w = (b[2] - b[0]) * z;
    double h = (b[3] - b[1]) * z;
    pan.setX((surface.getWidth() - w) / 2 - b[0] * z);
    double margin = vm.geometry().margin();
    pan.setY(h + 2 * margin * z < surface.getHeight() ? (surface.getHeight() - h) / 2 - b[1] * z : margin * z - b[1] * z);
  }

  /** Scroll bars over the content plus some room around it, and wherever the view is now. */
  private void syncBars() {
    syncingBars = true;
    try {
      double[] b = vm.contentBounds();
      double z = vm.zoomProperty().get();
      double w = surface.getWidth();
      double h = surface.getHeight();
      double pad = BAND_PAD * vm.geometry().scale() * z;
      hbar.setMin(Math.min(b[0] * z - pad, -pan.getX()));
      hbar.setMax(Math.max(b[2] * z + pad - w, -pan.getX()));
      hbar.setVisibleAmount(w);
      hbar.setValue(-pan.getX());
      vbar.setMin(Math.min(b[1] * z - pad, -pan.getY()));
      vbar.setMax(Math.max(b[3] * z + pad - h, -pan.getY()));
      vbar.setVisibleAmount(h);
      vbar.setValue(-pan.getY());
      hbar.setUnitIncrement(40);
      vbar.setUnitIncrement(40);
    } finally {
      syncingBars = false;
    }
  }
}
