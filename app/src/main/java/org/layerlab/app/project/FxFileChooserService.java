package org.layerlab.app.project;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerlab.app.i18n.Messages;

/** The JavaFX FileChooser, filtered to project JSON files. */
public final class FxFileChooserService implements FileChooserService {

  private final Supplier<Window> owner;

  public FxFileChooserService(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public Optional<Path> chooseProjectToOpen() {
    File f = chooser(Messages.get("file.open.title")).showOpenDialog(owner.get());
    return Optional.ofNullable(f).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseProjectToSave(String suggestedName) {
    FileChooser chooser = chooser(Messages.get("file.saveAs.title"));
    chooser.setInitialFileName(suggestedName);
    File f = chooser.showSaveDialog(owner.get());
    return Optional.ofNullable(f).map(File::toPath);
  }

  private static FileChooser chooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("file.filter"), "*.json"));
    return chooser;
  }
}
