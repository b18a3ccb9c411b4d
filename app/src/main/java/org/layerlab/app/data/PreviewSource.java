package org.layerlab.app.data;

import java.nio.file.Path;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.runtime.preview.DataPreview;
import org.layerlab.runtime.preview.Progress;

/**
 * Makes a dataset's preview. It reads files, so the ViewModel calls it through the executor. Production code passes
 * {@code DataPreviews::load}; tests may pass their own.
 */
@FunctionalInterface
public interface PreviewSource {

  /**
   * The preview of {@code ref}, whose relative paths start from {@code projectDir}.
   *
   * @param validationFraction the validation share the data must allow
   * @param progress where to report, and whether to stop
   * @throws Exception with a message a user can act on when the dataset cannot be read
   */
  DataPreview preview(DatasetRef ref, Path projectDir, double validationFraction, Progress progress) throws Exception;
}
