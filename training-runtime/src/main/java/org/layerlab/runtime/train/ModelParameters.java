package org.layerlab.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.layerlab.model.ModelSpec;
import org.layerlab.runtime.compile.CompiledModel;

/**
 * A compiled model's parameters named by the layer they belong to, in model order: {@code dense1/weight}, {@code dense1/bias}, ....
 * DJL's own parameter ids are random per model instance, so checkpoints, transfer learning and histograms use these names instead.
 */
final class ModelParameters {

  /**
   * One parameter.
   *
   * @param name the parameter's own name, such as {@code weight} or {@code bias}; DJL's path inside the layer's block (such as
   *     {@code 01Linear_weight} for a Dense with an activation) only when a layer has two parameters of the same name
   */
  record Named(String layerId, String name, Parameter parameter) {
    /** {@code layerId/name}: unique in the model and the same in every process. */
    String key() {
      return layerId + "/" + name;
    }

    NDArray array() {
      return parameter.getArray();
    }

    String id() {
      return parameter.getId();
    }
  }

  private final List<Named> all;

  private ModelParameters(List<Named> all) {
    this.all = List.copyOf(all);
  }

  /** The parameters of {@code compiled}, whose layer blocks are those of {@code spec}, in the same order. */
  static ModelParameters of(ModelSpec spec, CompiledModel compiled) {
    List<Named> out = new ArrayList<>();
    List<Block> blocks = compiled.layerBlocks();
    for (int i = 0; i < blocks.size(); i++) {
      String layerId = spec.layer(i).id();
      List<Pair<String, Parameter>> params = new ArrayList<>();
      blocks.get(i).getParameters().forEach(params::add);
      Set<String> shortNames = new HashSet<>();
      boolean unique = params.stream().allMatch(p -> shortNames.add(p.getValue().getName()));
      for (Pair<String, Parameter> p : params) {
        out.add(new Named(layerId, unique ? p.getValue().getName() : p.getKey(), p.getValue()));
      }
    }
    return new ModelParameters(out);
  }

  List<Named> all() {
    return all;
  }

  /** The parameters that learn: not frozen. */
  List<Named> trainable() {
    return all.stream().filter(p -> p.parameter().requiresGradient()).toList();
  }

  /** The id of the last layer that has parameters: the output head. */
  String headLayerId() {
    return all.isEmpty() ? null : all.get(all.size() - 1).layerId();
  }

  /** Freezes the parameters of the given layers: they keep their values and get no gradients. */
  void freeze(Set<String> layerIds) {
    for (Named p : all) {
      if (layerIds.contains(p.layerId())) {
        p.parameter().freeze(true);
      }
    }
  }
}
