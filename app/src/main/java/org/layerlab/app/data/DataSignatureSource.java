package org.layerlab.app.data;

import java.nio.file.Path;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.project.DatasetRef;

/**
 * Finds what a dataset feeds a model (sample shape and classes). It may read files, so the ViewModel calls it through the executor.
 * Production code passes {@code DatasetLoader::signature}; tests pass a lambda.
 */
@FunctionalInterface
public interface DataSignatureSource {

  /**
   * The sample shape and class count of {@code ref}, whose relative paths start from {@code projectDir}.
   *
   * @throws Exception with a message a user can act on when the dataset cannot be read
   */
  DataSignature signature(DatasetRef ref, Path projectDir) throws Exception;
}
