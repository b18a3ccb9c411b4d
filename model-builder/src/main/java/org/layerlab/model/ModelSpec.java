package org.layerlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.layerlab.model.layer.LayerType;

/**
 * A network as an ordered list of layers. Immutable: every edit returns a new spec.
 *
 * <p>The first layer is the {@link LayerType#INPUT}. A layer without {@link LayerSpec#inputs() inputs} reads the layer before it in
 * the list, so a plain list is a sequential model; a layer that names its inputs makes the model a directed graph with branches,
 * residual and skip connections. {@link org.layerlab.model.graph.ModelGraph} is the graph view.
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

  /** The first layer called {@code id}. */
  public Optional<LayerSpec> find(String id) {
    int i = indexOf(id);
    return i < 0 ? Optional.empty() : Optional.of(layers.get(i));
  }

  /**
   * The ids feeding the layer at {@code index}, one per input port: its explicit inputs, or else the id of the layer before it (none
   * for the first layer). Entries may be {@link LayerSpec#UNCONNECTED} or name no layer; analysis reports both.
   */
  public List<String> inputsOf(int index) {
    LayerSpec layer = layers.get(index);
    if (layer.hasExplicitInputs()) {
      return layer.inputs();
    }
    return index == 0 ? List.of() : List.of(layers.get(index - 1).id());
  }

  /** Whether every layer reads the one before it: no layer names its inputs. */
  public boolean isSequential() {
    return layers.stream().noneMatch(LayerSpec::hasExplicitInputs);
  }

  /**
   * A new spec in which the layer at {@code index} names the inputs it reads now, so that moving layers in the list no longer
   * changes what feeds it. The first layer, which reads nothing, is left as it is.
   */
  public ModelSpec withExplicitInputs(int index) {
    List<String> in = inputsOf(index);
    return in.isEmpty() ? this : replace(index, layers.get(index).withInputs(in));
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
