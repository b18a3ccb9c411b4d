package org.layerlab.app.check;

import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;
import org.layerlab.runtime.check.Severity;

/**
 * "Check before training": the button, its progress and cancel, and the findings as a list, each marked ok (a green tick), warning
 * (an amber sign), error (a red cross) or skipped (a grey dash), with what was checked and what to do. Usable on any page.
 */
public final class CheckView extends VBox {

  private final CheckViewModel viewModel;
  private final VBox results = new VBox(6);
  private final ListChangeListener<CheckItem> itemsChanged = c -> showItems();

  public CheckView(CheckViewModel viewModel) {
    this.viewModel = viewModel;
    setId("checkView");
    setSpacing(6);
    Label title = new Label(Messages.get("check.title"));
    title.setId("checkTitle");
    title.getStyleClass().add("section-title");
    Label hint = new Label(Messages.get("check.hint"));
    hint.setId("checkHint");
    hint.getStyleClass().add("hint-text");
    hint.setWrapText(true);

    Button run = new Button(Messages.get("check.button"));
    run.setId("checkButton");
    run.setDefaultButton(false);
    run.disableProperty().bind(viewModel.runningProperty());
    run.setOnAction(e -> viewModel.run());
    Button cancel = new Button(Messages.get("check.cancel"));
    cancel.setId("checkCancelButton");
    cancel.visibleProperty().bind(viewModel.runningProperty());
    cancel.managedProperty().bind(cancel.visibleProperty());
    cancel.setOnAction(e -> viewModel.cancel());
    ProgressBar progress = new ProgressBar();
    progress.setId("checkProgress");
    progress.progressProperty().bind(viewModel.progressProperty());
    progress.visibleProperty().bind(viewModel.runningProperty());
    progress.managedProperty().bind(progress.visibleProperty());
    HBox.setHgrow(progress, Priority.ALWAYS);
    progress.setMaxWidth(Double.MAX_VALUE);
    HBox controls = new HBox(8, run, progress, cancel);
    controls.setAlignment(Pos.CENTER_LEFT);

    Label status = new Label();
    status.setId("checkStatusLabel");
    status.setWrapText(true);
    status.textProperty().bind(viewModel.statusProperty());

    results.setId("checkResults");
    // weak: a language switch rebuilds this view but keeps the view model
    viewModel.items().addListener(new WeakListChangeListener<>(itemsChanged));
    showItems();
    getChildren().addAll(title, hint, controls, status, results);
  }

  private void showItems() {
    results.getChildren().clear();
    for (CheckItem item : viewModel.items()) {
      Label mark = new Label(mark(item.severity()));
      mark.getStyleClass().addAll("check-mark", "check-" + item.severity().name().toLowerCase(java.util.Locale.ROOT));
      mark.setMinWidth(18);
      Label heading = new Label(item.title());
      heading.getStyleClass().add("check-topic");
      Label text = new Label(item.text());
      text.setWrapText(true);
      text.getStyleClass().add("check-text");
      VBox body = new VBox(1, heading, text);
      HBox.setHgrow(body, Priority.ALWAYS);
      HBox row = new HBox(6, mark, body);
      row.setAlignment(Pos.TOP_LEFT);
      row.getStyleClass().add("check-row");
      row.setUserData(item);
      results.getChildren().add(row);
    }
  }

  private static String mark(Severity s) {
    return switch (s) {
      case OK -> "✓";
      case WARNING -> "⚠";
      case ERROR -> "✗";
      case SKIPPED -> "–";
    };
  }
}
