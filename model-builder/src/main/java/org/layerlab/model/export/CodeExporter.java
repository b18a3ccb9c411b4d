package org.layerlab.model.export;

import org.layerlab.model.ModelSpec;

/** Writes a model as source code of another framework. */
public interface CodeExporter {

  /**
   * The source code of {@code spec}.
   *
   * @param name the model's name, used for the class or function name and in comments
   * @throws ExportException when the model has a problem that analysis reports on a layer, or more than one output
   */
  String export(ModelSpec spec, String name) throws ExportException;

  /** The file name the code belongs in, such as {@code keras_cifar10_cnn.py} or {@code KerasCifar10Cnn.java}. */
  String fileName(String name);
}
