package org.layerlab.app.model.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LayerSpec;

/**
 * One layer on the canvas: a card with the layer's name and type, key settings, output shape and parameter count; its input ports
 * on the top edge (one per input, plus an open one on a merge), its output port on the bottom edge, and a red badge when it has
 * problems, whose tooltip says what they are. Draws a {@link CanvasNode}; a new one is made for every change.
 */
final class NodeView extends Pane {

  static final double PORT_RADIUS = 6;

  private final CanvasNode node;
  private final List<Circle> inputPorts = new ArrayList<>();
  private final Circle outputPort;

  NodeView(CanvasNode node) {
    this.node = node;
    setId("node-" + node.id());
    getStyleClass().add("canvas-node");
    if (!node.valid()) {
      getStyleClass().add("invalid");
    }
    setPrefSize(CanvasViewModel.NODE_WIDTH, CanvasViewModel.NODE_HEIGHT);
    setMinSize(CanvasViewModel.NODE_WIDTH, CanvasViewModel.NODE_HEIGHT);
    setMaxSize(CanvasViewModel.NODE_WIDTH, CanvasViewModel.NODE_HEIGHT);
    relocate(node.x(), node.y());

    Label name = label(node.id(), "node-name");
    Label type = label(node.typeName(), "node-type");
    type.setMinWidth(Region.USE_PREF_SIZE);
    HBox header = new HBox(6, name, spacer(), type);
    header.setAlignment(Pos.BASELINE_LEFT);
    Label summary = label(node.summary().isEmpty() ? " " : node.summary(), "node-summary");
    Label shape = label("\u2192 " + node.outputShape(), "node-shape");
    shape.setId("shape-" + node.id());
    Label parameters = label(node.parameters(), "node-parameters");
    parameters.setId("parameters-" + node.id());
    VBox card = new VBox(1, header, summary, shape, parameters);
    card.getStyleClass().add("node-body");
    // exactly the node's size whatever the fonts, so ports and wires meet its edges
    card.setMinSize(CanvasViewModel.NODE_WIDTH, CanvasViewModel.NODE_HEIGHT);
    card.setPrefSize(CanvasViewModel.NODE_WIDTH, CanvasViewModel.NODE_HEIGHT);
    card.setMaxSize(CanvasViewModel.NODE_WIDTH, CanvasViewModel.NODE_HEIGHT);
    Rectangle clip = new Rectangle(CanvasViewModel.NODE_WIDTH, CanvasViewModel.NODE_HEIGHT);
    clip.setArcWidth(12);
    clip.setArcHeight(12);
    card.setClip(clip);
    getChildren().add(card);

    Tooltip tip = new Tooltip(node.id() + " (" + node.typeName() + ")\n" + node.summary() + "\n\u2192 " + node.outputShape());
    tip.setShowDelay(Duration.millis(600));
    Tooltip.install(card, tip);

    for (int p = 0; p < node.portCount(); p++) {
      Circle port = new Circle(PORT_RADIUS);
      port.setId("in-" + node.id() + "-" + p);
      port.getStyleClass().add("canvas-port");
      port.getStyleClass().add("input-port");
      boolean extra = p >= node.inputs().size();
      if (extra) {
        port.getStyleClass().add("grow");
      } else if (node.inputs().get(p).equals(LayerSpec.UNCONNECTED)) {
        port.getStyleClass().add("open");
      }
      port.setCenterX(CanvasGeometry.inputPortX(node, p) - node.x());
      port.setCenterY(0);
      Tooltip.install(
          port,
          new Tooltip(extra ? Messages.get("canvas.port.grow") : Messages.get("canvas.port.input", p + 1, node.id())));
      inputPorts.add(port);
      getChildren().add(port);
    }
    outputPort = new Circle(PORT_RADIUS);
    outputPort.setId("out-" + node.id());
    outputPort.getStyleClass().addAll("canvas-port", "output-port");
    outputPort.setCenterX(CanvasViewModel.NODE_WIDTH / 2);
    outputPort.setCenterY(CanvasViewModel.NODE_HEIGHT);
    Tooltip.install(outputPort, new Tooltip(Messages.get("canvas.port.output", node.id())));
    getChildren().add(outputPort);

    if (!node.valid()) {
      Label badge = new Label("!");
      badge.setId("badge-" + node.id());
      badge.getStyleClass().add("canvas-badge");
      Tooltip problem = new Tooltip(node.problemText());
      problem.setWrapText(true);
      problem.setMaxWidth(380);
      problem.setShowDelay(Duration.millis(150));
      badge.setTooltip(problem);
      badge.relocate(CanvasViewModel.NODE_WIDTH - 12, -10);
      getChildren().add(badge);
    }
  }

  CanvasNode node() {
    return node;
  }

  List<Circle> inputPorts() {
    return inputPorts;
  }

  Circle outputPort() {
    return outputPort;
  }

  void setSelected(boolean selected) {
    getStyleClass().remove("selected");
    if (selected) {
      getStyleClass().add("selected");
    }
  }

  private static Label label(String text, String style) {
    Label l = new Label(text);
    l.getStyleClass().add(style);
    l.setTextOverrun(OverrunStyle.ELLIPSIS);
    l.setMaxWidth(CanvasViewModel.NODE_WIDTH - 20);
    return l;
  }

  private static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }
}
