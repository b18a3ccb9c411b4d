package org.layerlab.app.shortcuts;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.layerlab.app.i18n.Messages;

/** The dialog that lists every keyboard shortcut (F1). */
public final class CheatSheet extends Dialog<Void> {

  public CheatSheet(Window owner) {
    initOwner(owner);
    setTitle(Messages.get("cheatSheet.title"));
    setHeaderText(Messages.get("cheatSheet.header"));
    GridPane grid = new GridPane();
    grid.setId("cheatSheet");
    grid.setHgap(24);
    grid.setVgap(6);
    int row = 0;
    for (String[] line : ShortcutMap.cheatSheet()) {
      Label keys = new Label(line[0]);
      keys.getStyleClass().add("shortcut-keys");
      grid.addRow(row++, keys, new Label(line[1]));
    }
    getDialogPane().setContent(grid);
    // JavaFX's own ButtonType.CLOSE is labelled in the language the JVM started with, not the one chosen in the settings.
    getDialogPane().getButtonTypes().add(new ButtonType(Messages.get("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
    if (owner != null && owner.getScene() != null) {
      getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
  }
}
