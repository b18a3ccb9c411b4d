package org.layerlab.app.data;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerlab.app.i18n.Messages;

/** The JavaFX file and folder choosers. */
public final class FxDataFileChooser implements DataFileChooser {

  private final Supplier<Window> owner;

  public FxDataFileChooser(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public Optional<Path> choose(Kind kind) {
    String title = Messages.get("data.import.title." + kind.name());
    File chosen;
    if (kind.isFolder()) {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle(title);
      chosen = chooser.showDialog(owner.get());
    } else {
      FileChooser chooser = new FileChooser();
      chooser.setTitle(title);
      chooser.getExtensionFilters()
          .addAll(
              new FileChooser.ExtensionFilter(Messages.get("data.import.filter.csv"), "*.csv", "*.tsv", "*.txt"),
              new FileChooser.ExtensionFilter(Messages.get("data.import.filter.all"), "*"));
      chosen = chooser.showOpenDialog(owner.get());
    }
    return Optional.ofNullable(chosen).map(File::toPath);
  }
}
