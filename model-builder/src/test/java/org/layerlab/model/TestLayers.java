package org.layerlab.model;

import java.util.Arrays;
import java.util.Map;
import org.layerlab.model.layer.LayerType;

/** Short builders for the layers tests put together. */
public final class TestLayers {

  private TestLayers() {}

  public static LayerSpec input(int... shape) {
    return new LayerSpec("input", LayerType.INPUT, Map.of("shape", Arrays.stream(shape).boxed().toList()));
  }

  public static LayerSpec dense(String id, int units) {
    return new LayerSpec(id, LayerType.DENSE, Map.of("units", units));
  }

  public static LayerSpec conv(String id, int filters, int kernel) {
    return conv(id, filters, kernel, 1, "valid");
  }

  public static LayerSpec conv(String id, int filters, int kernel, int stride, String padding) {
    return new LayerSpec(id, LayerType.CONV2D, Map.of("filters", filters, "kernel", kernel, "stride", stride, "padding", padding));
  }

  public static LayerSpec pool(String id, int pool, int stride) {
    return new LayerSpec(id, LayerType.MAX_POOL2D, Map.of("pool", pool, "stride", stride));
  }

  public static LayerSpec flatten(String id) {
    return LayerSpec.of(id, LayerType.FLATTEN);
  }

  /** A layer of {@code type} with the settings given as name, value pairs. */
  public static LayerSpec layer(String id, LayerType type, Object... nameValuePairs) {
    LayerSpec spec = LayerSpec.of(id, type);
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      spec = spec.with((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return spec;
  }

  public static LayerSpec add(String id, String... inputs) {
    return LayerSpec.of(id, LayerType.ADD).withInputs(inputs);
  }
}
