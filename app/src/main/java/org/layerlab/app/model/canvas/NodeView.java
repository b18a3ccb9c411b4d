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
 *
 * <p>Its size and its ports' come from the {@link CanvasGeometry}, its fonts from the style sheets (in ems of the window's text
 * size), so that both grow together in classroom mode.
 */
final class NodeView extends Pane {

  private final CanvasNode node;
  private final List<Circle> inputPorts = new ArrayList<>();
  private final Circle outputPort;

  NodeView(CanvasNode node, CanvasGeometry geometry) {
    this.node = node;
    double width = geometry.nodeWidth();
    double height = geometry.nodeHeight();
    double k = geometry.scale();
    setId("node-" + node.id());
    getStyleClass().add("canvas-node");
    if (!node.valid()) {
      getStyleClass().add("invalid");
    }
    setPrefSize(width, height);
    setMinSize(width, height);
    setMaxSize(width, height);
    relocate(node.x(), node.y());

    double textWidth = width - 20 * k;
    Label name = label(node.id(), "node-name", textWidth);
    Label type = label(node.typeName(), "node-type", textWidth);
    type.setMinWidth(Region.USE_PREF_SIZE);
    HBox header = new HBox(6 * k, name, spacer(), type);
    header.setAlignment(Pos.BASELINE_LEFT);
    Label summary = label(node.summary().isEmpty() ? " " : node.summary(), "node-summary", textWidth);
    Label shape = label("\u2192 " + node.outputShape(), "node-shape", textWidth);
    shape.setId("shape-" + node.id());
    Label parameters = label(node.parameters(), "node-parameters", textWidth);
    parameters.setId("parameters-" + node.id());
    VBox card = new VBox(k, header, summary, shape, parameters);
    card.getStyleClass().add("node-body");
    // exactly the node's size whatever the fonts, so ports and wires meet its edges
    card.setMinSize(width, height);
    card.setPrefSize(width, height);
    card.setMaxSize(width, height);
    Rectangle clip = new Rectangle(width, height);
    clip.setArcWidth(12 * k);
    clip.setArcHeight(12 * k);
    card.setClip(clip);
    getChildren().add(card);

    Tooltip tip = new Tooltip(node.id() + " (" + node.typeName() + ")\n" + node.summary() + "\n\u2192 " + node.outputShape());
    tip.setShowDelay(Duration.millis(600));
    Tooltip.install(card, tip);

    for (int p = 0; p < node.portCount(); p++) {
      Circle port = new Circle(geometry.portRadius());
      port.setId("in-" + node.id() + "-" + p);
      port.getStyleClass().add("canvas-port");
      port.getStyleClass().add("input-port");
      boolean extra = p >= node.inputs().size();
      if (extra) {
        port.getStyleClass().add("grow");
      } else if (node.inputs().get(p).equals(LayerSpec.UNCONNECTED)) {
        port.getStyleClass().add("open");
      }
      port.setCenterX(geometry.inputPortX(node, p) - node.x());
      port.setCenterY(0);
      Tooltip.install(
          port,
          new Tooltip(extra ? Messages.get("canvas.port.grow") : Messages.get("canvas.port.input", p + 1, node.id())));
      inputPorts.add(port);
      getChildren().add(port);
    }
    outputPort = new Circle(geometry.portRadius());
    outputPort.setId("out-" + node.id());
    outputPort.getStyleClass().addAll("canvas-port", "output-port");
    outputPort.setCenterX(geometry.outputPortX(node) - node.x());
    outputPort.setCenterY(geometry.outputPortY(node) - node.y());
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
      badge.relocate(width - 12 * k, -10 * k);
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

  private static Label label(String text, String style, double maxWidth) {
    Label l = new Label(text);
    l.getStyleClass().add(style);
    l.setTextOverrun(OverrunStyle.ELLIPSIS);
    l.setMaxWidth(maxWidth);
    return l;
  }

  private static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }
}
