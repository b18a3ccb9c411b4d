package org.layerlab.model.export;

import org.layerlab.model.export.spi.DjlExporter;
import org.layerlab.model.export.spi.KerasExporter;
import org.layerlab.model.export.spi.PyTorchExporter;

/** The frameworks a model can be exported to. */
public enum ExportTarget {
  /** A DJL {@code AbstractBlock} subclass in Java. */
  DJL("DJL (Java)"),
  /** A {@code torch.nn.Module} with a {@code forward}. */
  PYTORCH("PyTorch"),
  /** A function building a {@code keras.Model} with the functional API. */
  KERAS("Keras");

  private final String displayName;

  ExportTarget(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  public CodeExporter exporter() {
    return switch (this) {
      case DJL -> new DjlExporter();
      case PYTORCH -> new PyTorchExporter();
      case KERAS -> new KerasExporter();
    };
  }
}
