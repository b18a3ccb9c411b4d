package org.layerlab.app.model;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One layer of the model as a card: name and type, key settings, output shape and parameter count, and in red what is wrong with it.
 * Draws a {@link LayerItem}; a new card is made for every change.
 */
public final class LayerCard extends VBox {

  public LayerCard(LayerItem item, boolean selected) {
    setId("layerCard" + item.index());
    getStyleClass().add("layer-card");
    if (selected) {
      getStyleClass().add("selected");
    }
    if (!item.valid()) {
      getStyleClass().add("invalid");
    }

    Label id = new Label(item.id());
    id.getStyleClass().add("layer-id");
    Label type = new Label(item.typeName());
    type.getStyleClass().add("layer-type");
    HBox header = new HBox(8, id, spacer(), type);
    header.setAlignment(Pos.BASELINE_LEFT);
    getChildren().add(header);

    if (!item.summary().isEmpty()) {
      Label summary = new Label(item.summary());
      summary.getStyleClass().add("layer-summary");
      summary.setWrapText(true);
      getChildren().add(summary);
    }

    Label shape = new Label("\u2192 " + item.outputShape());
    shape.getStyleClass().add("layer-shape");
    shape.setMinWidth(Region.USE_PREF_SIZE); // the shape is the card's point; the parameter count may shorten instead
    Label parameters = new Label(item.parameters());
    parameters.getStyleClass().add("layer-parameters");
    HBox footer = new HBox(8, shape, spacer(), parameters);
    footer.setAlignment(Pos.BASELINE_LEFT);
    getChildren().add(footer);

    for (String problem : item.problems()) {
      Label message = new Label("\u26a0 " + problem);
      message.getStyleClass().add("problem-text");
      message.setWrapText(true);
      message.setMinHeight(Region.USE_PREF_SIZE);
      getChildren().add(message);
    }
    setSpacing(3);
    setFocusTraversable(false);
  }

  private static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }
}
