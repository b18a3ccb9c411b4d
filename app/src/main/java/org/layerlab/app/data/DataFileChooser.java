package org.layerlab.app.data;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for data to import. The window shows a file or folder chooser; tests answer with paths of their own. */
public interface DataFileChooser {

  /** What is being imported; it decides between a file and a folder chooser, and the file filter. */
  enum Kind {
    /** A folder of IDX files (MNIST format). */
    IDX,
    /** A folder of CIFAR binary batches. */
    CIFAR,
    /** A CSV file. */
    CSV,
    /** A folder with one sub-folder of images per class. */
    IMAGE_FOLDER;

    /** Whether a folder is chosen rather than a file. */
    public boolean isFolder() {
      return this != CSV;
    }
  }

  /** The file or folder to import, or empty when the user cancels. */
  Optional<Path> choose(Kind kind);

  /** A chooser that always cancels, for view models that have not been given a window yet. */
  static DataFileChooser cancelling() {
    return kind -> Optional.empty();
  }
}
