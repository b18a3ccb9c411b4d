package org.layerlab.app.check;

import java.nio.file.Path;
import java.util.List;
import org.layerlab.model.project.Project;
import org.layerlab.runtime.check.Finding;
import org.layerlab.runtime.preview.Progress;

/** Runs the check on a project. Production code passes {@code PreTrainingCheck::run}; tests pass their own. */
@FunctionalInterface
public interface CheckRunner {

  /**
   * The findings for {@code project}.
   *
   * @param progress where to report, and whether to stop
   */
  List<Finding> run(Project project, Path projectDir, Progress progress) throws Exception;
}
