package org.layerlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.layerlab.model.layer.LayerType;

/**
 * A network as an ordered list of layers, each feeding the next. Immutable: every edit returns a new spec.
 *
 * <p>The first layer is the {@link LayerType#INPUT}. Graphs with branches build on this with explicit inputs per layer.
 */
public record ModelSpec(List<LayerSpec> layers) {

  public ModelSpec {
    layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
  }

  public static ModelSpec of(LayerSpec... layers) {
    return new ModelSpec(List.of(layers));
  }

  public int size() {
    return layers.size();
  }

  public LayerSpec layer(int index) {
    return layers.get(index);
  }

  public int indexOf(String id) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** A new spec with {@code layer} inserted at {@code index} (0 to size). */
  public ModelSpec insert(int index, LayerSpec layer) {
    List<LayerSpec> copy = new ArrayList<>(layers);
    copy.add(index, layer);
    return new ModelSpec(copy);
  }

  public ModelSpec remove(int index) {
    List<LayerSpec> copy = new ArrayList<>(layers);
    copy.remove(index);
    return new ModelSpec(copy);
  }

  /** A new spec with the layer at {@code from} moved to position {@code to}. */
  public ModelSpec move(int from, int to) {
    List<LayerSpec> copy = new ArrayList<>(layers);
    LayerSpec moved = copy.remove(from);
    copy.add(to, moved);
    return new ModelSpec(copy);
  }

  public ModelSpec replace(int index, LayerSpec layer) {
    List<LayerSpec> copy = new ArrayList<>(layers);
    copy.set(index, layer);
    return new ModelSpec(copy);
  }

  /** An id for a new layer of {@code type} that no layer uses yet: {@code dense1}, {@code dense2}, ... */
  public String freshId(LayerType type) {
    Set<String> used = layers.stream().map(LayerSpec::id).collect(Collectors.toSet());
    String stem = type.jsonName().toLowerCase(Locale.ROOT);
    for (int n = 1; ; n++) {
      if (!used.contains(stem + n)) {
        return stem + n;
      }
    }
  }
}
