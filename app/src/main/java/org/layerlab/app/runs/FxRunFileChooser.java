package org.layerlab.app.runs;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerlab.app.i18n.Messages;

/** JavaFX file and folder choosers for the runs' export and import. */
public final class FxRunFileChooser implements RunFileChooser {

  private final Supplier<Window> owner;

  public FxRunFileChooser(Supplier<Window> owner) {
    this.owner = owner;
  }

  /** Choosers owned by whichever window has the focus, for a view model made before its window. */
  public static FxRunFileChooser ofFocusedWindow() {
    return new FxRunFileChooser(() -> Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(null));
  }

  @Override
  public Optional<Path> chooseExportFile(ExportFormat format, String suggestedName) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(Messages.get("runs.export.title." + format.name()));
    String pattern = format == ExportFormat.CSV ? "*.csv" : "*.json";
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("runs.export.filter." + format.name()), pattern));
    chooser.setInitialFileName(suggestedName);
    return path(chooser.showSaveDialog(owner.get()));
  }

  @Override
  public Optional<Path> chooseExportFolder() {
    return folder(Messages.get("runs.export.title.TENSORBOARD"));
  }

  @Override
  public Optional<Path> chooseTensorBoardFolder() {
    return folder(Messages.get("runs.import.title.tensorboard"));
  }

  @Override
  public Optional<Path> chooseJsonToImport() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(Messages.get("runs.import.title.json"));
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("runs.export.filter.JSON"), "*.json"));
    return path(chooser.showOpenDialog(owner.get()));
  }

  private Optional<Path> folder(String title) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    return path(chooser.showDialog(owner.get()));
  }

  private static Optional<Path> path(File f) {
    return Optional.ofNullable(f).map(File::toPath);
  }
}
