package org.layerlab.runtime.train.bench;

import java.util.List;
import java.util.Map;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;

/** The benchmark's CNN, the same in all four ways: Conv32-Pool-Conv64-Pool-Dense128-Dense10, 3x3 'same' convolutions, ReLU. */
public final class BenchModel {

  /** How the table names it. */
  public static final String DESCRIPTION = "CNN Conv32-Pool-Conv64-Pool-Dense128-Dense10 (421,642 parameters)";

  private BenchModel() {}

  public static ModelSpec spec() {
    return ModelSpec.of(
        new LayerSpec("input", LayerType.INPUT, Map.of("shape", List.of(1, 28, 28))),
        conv("conv1", 32),
        pool("pool1"),
        conv("conv2", 64),
        pool("pool2"),
        LayerSpec.of("flatten", LayerType.FLATTEN),
        new LayerSpec("dense1", LayerType.DENSE, Map.of("units", 128, "activation", "relu")),
        new LayerSpec("output", LayerType.DENSE, Map.of("units", 10)));
  }

  private static LayerSpec conv(String id, int filters) {
    return new LayerSpec(id, LayerType.CONV2D, Map.of("filters", filters, "kernel", 3, "stride", 1, "padding", "same", "activation", "relu"));
  }

  private static LayerSpec pool(String id) {
    return new LayerSpec(id, LayerType.MAX_POOL2D, Map.of("pool", 2, "stride", 2));
  }
}
