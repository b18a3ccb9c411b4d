package org.layerlab.app.project;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a project file. The window shows a FileChooser; tests answer with a path of their own. */
public interface FileChooserService {

  /** A project file to open, or empty when the user cancels. */
  Optional<Path> chooseProjectToOpen();

  /** Where to save the project, suggesting {@code suggestedName}; empty when the user cancels. */
  Optional<Path> chooseProjectToSave(String suggestedName);
}
