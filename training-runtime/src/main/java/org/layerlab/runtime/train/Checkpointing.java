package org.layerlab.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layerlab.runtime.checkpoint.Tensor;
import org.layerlab.runtime.optim.LayerlabOptimizer;

/** Moves a model's parameters and an optimizer's state between the engine and checkpoint tensors, by stable names. */
final class Checkpointing {

  private Checkpointing() {}

  /** Every parameter, frozen ones included, by {@code layerId/name}. */
  static Map<String, Tensor> parameters(ModelParameters parameters) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (ModelParameters.Named p : parameters.all()) {
      out.put(p.key(), tensor(p.array()));
    }
    return out;
  }

  /** The optimizer's state by {@code layerId/name#state}. */
  static Map<String, Tensor> optimizerState(ModelParameters parameters, LayerlabOptimizer optimizer) {
    Map<String, String> keyById = new HashMap<>();
    for (ModelParameters.Named p : parameters.all()) {
      keyById.put(p.id(), p.key());
    }
    Map<String, Tensor> out = new LinkedHashMap<>();
    optimizer.stateByParameter().forEach((id, byName) -> {
      String key = keyById.get(id);
      if (key != null) {
        byName.forEach((name, a) -> out.put(key + "#" + name, tensor(a)));
      }
    });
    return out;
  }

  /**
   * Puts every parameter back from {@code saved}, which must hold each of them with its shape.
   *
   * @throws IllegalStateException naming the first parameter missing or of another shape
   */
  static void restoreAll(ModelParameters parameters, Map<String, Tensor> saved) {
    for (ModelParameters.Named p : parameters.all()) {
      Tensor t = saved.get(p.key());
      if (t == null) {
        throw new IllegalStateException("the checkpoint has no parameter " + p.key());
      }
      if (!fits(p.array(), t)) {
        throw new IllegalStateException(
            "parameter "
                + p.key()
                + " is "
                + p.array().getShape()
                + " in the model but "
                + Arrays.toString(t.shape())
                + " in the checkpoint");
      }
      p.array().set(t.values());
    }
  }

  /**
   * Puts back the parameters of the layers whose every parameter {@code saved} holds with the same shape, except the layers in
   * {@code skip}: transfer learning.
   *
   * @return the ids of the layers loaded, in model order
   */
  static List<String> restoreMatching(ModelParameters parameters, Map<String, Tensor> saved, Set<String> skip) {
    List<String> loaded = matchingLayers(parameters, saved, skip);
    for (ModelParameters.Named p : parameters.all()) {
      if (loaded.contains(p.layerId())) {
        p.array().set(saved.get(p.key()).values());
      }
    }
    return loaded;
  }

  /** The ids of the layers, in model order and not in {@code skip}, whose every parameter {@code saved} holds with the same shape. */
  static List<String> matchingLayers(ModelParameters parameters, Map<String, Tensor> saved, Set<String> skip) {
    Map<String, List<ModelParameters.Named>> byLayer = new LinkedHashMap<>();
    for (ModelParameters.Named p : parameters.all()) {
      byLayer.computeIfAbsent(p.layerId(), k -> new ArrayList<>()).add(p);
    }
    List<String> loaded = new ArrayList<>();
    byLayer.forEach((layer, params) -> {
      if (skip.contains(layer)) {
        return;
      }
      boolean all = params.stream().allMatch(p -> saved.containsKey(p.key()) && fits(p.array(), saved.get(p.key())));
      if (all) {
        loaded.add(layer);
      }
    });
    return loaded;
  }

  /** Puts the optimizer's state back; call before its first update. Arrays are made in each parameter's own manager. */
  static void restoreOptimizer(ModelParameters parameters, LayerlabOptimizer optimizer, Map<String, Tensor> saved) {
    Map<String, Map<String, NDArray>> byId = new HashMap<>();
    for (ModelParameters.Named p : parameters.all()) {
      String prefix = p.key() + "#";
      NDManager manager = p.array().getManager();
      saved.forEach((key, t) -> {
        if (key.startsWith(prefix)) {
          NDArray a = manager.create(t.values(), new Shape(t.shape()));
          byId.computeIfAbsent(p.id(), k -> new HashMap<>()).put(key.substring(prefix.length()), a);
        }
      });
    }
    optimizer.restoreState(byId);
  }

  private static boolean fits(NDArray array, Tensor t) {
    return Arrays.equals(array.getShape().getShape(), t.shape());
  }

  private static Tensor tensor(NDArray a) {
    return new Tensor(a.getShape().getShape(), a.toFloatArray());
  }
}
