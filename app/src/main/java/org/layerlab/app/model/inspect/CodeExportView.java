package org.layerlab.app.model.inspect;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.controlsfx.control.SegmentedButton;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.export.ExportTarget;

/**
 * The model as DJL, PyTorch or Keras code: a framework switch, the file name, a Copy button with a short confirmation, and the code
 * in a read-only monospaced area; a model that cannot be exported shows why instead.
 *
 * <p>Node ids: {@code exportTarget-DJL} (one toggle per target), {@code exportFileName}, {@code exportCopy}, {@code exportFeedback},
 * {@code exportCode}, {@code exportError}.
 */
public final class CodeExportView extends BorderPane {

  private final CodeExportViewModel viewModel;
  private final PauseTransition fade = new PauseTransition(Duration.seconds(4));
  // Held here and listened to weakly: the page may rebuild this view while the view model lives on.
  private final ChangeListener<ExportTarget> targetListener;

  public CodeExportView(CodeExportViewModel viewModel) {
    this.viewModel = viewModel;
    setId("codeExportView");
    setPadding(new Insets(8));
    getStyleClass().add("code-export");

    ToggleGroup group = new ToggleGroup();
    SegmentedButton targets = new SegmentedButton();
    targets.setToggleGroup(group);
    for (ExportTarget t : viewModel.targets()) {
      ToggleButton b = new ToggleButton(t.displayName());
      b.setId("exportTarget-" + t.name());
      b.setUserData(t);
      b.setSelected(t == viewModel.targetProperty().get());
      targets.getButtons().add(b);
    }
    group.selectedToggleProperty().addListener((obs, old, now) -> {
      if (now == null) {
        old.setSelected(true); // one framework is always chosen
      } else {
        viewModel.targetProperty().set((ExportTarget) now.getUserData());
      }
    });
    targetListener =
        (obs, old, t) -> group.getToggles().stream().filter(b -> b.getUserData() == t).findFirst().ifPresent(b -> b.setSelected(true));
    viewModel.targetProperty().addListener(new WeakChangeListener<>(targetListener));

    Label file = new Label();
    file.setId("exportFileName");
    file.getStyleClass().add("hint-text");
    file.textProperty().bind(Bindings.when(Bindings.isEmpty(viewModel.fileNameProperty())).then("")
        .otherwise(Bindings.createStringBinding(() -> Messages.get("inspect.export.file", viewModel.fileNameProperty().get()), viewModel.fileNameProperty())));
    Button copy = new Button(Messages.get("inspect.export.copy"));
    copy.setId("exportCopy");
    copy.disableProperty().bind(Bindings.isEmpty(viewModel.codeProperty()));
    copy.setOnAction(e -> copy());
    Label feedback = new Label();
    feedback.setId("exportFeedback");
    feedback.getStyleClass().add("ok-text");
    feedback.textProperty().bind(viewModel.feedbackProperty());
    fade.setOnFinished(e -> viewModel.clearFeedback());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(10, targets, file, gap, feedback, copy);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 6, 0));
    setTop(bar);

    TextArea code = new TextArea();
    code.setId("exportCode");
    code.setEditable(false);
    code.getStyleClass().add("code-area");
    code.textProperty().bind(viewModel.codeProperty());
    code.visibleProperty().bind(Bindings.isEmpty(viewModel.errorProperty()));
    Label error = new Label();
    error.setId("exportError");
    error.getStyleClass().addAll("problem-text", "export-error");
    error.setWrapText(true);
    error.setAlignment(Pos.TOP_LEFT);
    error.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    error.textProperty().bind(viewModel.errorProperty());
    error.visibleProperty().bind(Bindings.isNotEmpty(viewModel.errorProperty()));
    StackPane.setAlignment(error, Pos.TOP_LEFT);
    setCenter(new StackPane(code, error));
  }

  private void copy() {
    String text = viewModel.copy();
    if (text != null) {
      ClipboardContent content = new ClipboardContent();
      content.putString(text);
      Clipboard.getSystemClipboard().setContent(content);
    }
    fade.playFromStart();
  }
}
