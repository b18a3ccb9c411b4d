package org.layerlab.app.runs;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user where to export runs and what to import. The window shows file and folder choosers; tests answer with paths. */
public interface RunFileChooser {

  /** The formats runs export to. */
  enum ExportFormat {
    CSV,
    JSON,
    TENSORBOARD
  }

  /** The CSV or JSON file to write, suggesting {@code suggestedName}; empty when the user cancels. */
  Optional<Path> chooseExportFile(ExportFormat format, String suggestedName);

  /** The folder to write TensorBoard event files into, one folder per run; empty when the user cancels. */
  Optional<Path> chooseExportFolder();

  /** A TensorBoard log folder to import; empty when the user cancels. */
  Optional<Path> chooseTensorBoardFolder();

  /** A Layerlab JSON export to import; empty when the user cancels. */
  Optional<Path> chooseJsonToImport();
}
