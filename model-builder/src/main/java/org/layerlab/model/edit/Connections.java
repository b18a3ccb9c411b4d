package org.layerlab.model.edit;

import java.util.ArrayList;
import java.util.List;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.model.ModelSpec;

/** Helpers the edits share to keep what feeds each layer explicit where it must be and implicit where it can be. */
final class Connections {

  private Connections() {}

  /** The index of {@code id}, or an {@link IllegalArgumentException} that names it. */
  static int require(ModelSpec model, String id) {
    int i = model.indexOf(id);
    if (i < 0) {
      throw LocalizedArgumentException.of("edit.noLayer", id);
    }
    return i;
  }

  /** The layer at {@code index} with {@code inputs}, made implicit when they name just the layer before it. */
  static ModelSpec setInputs(ModelSpec model, int index, List<String> inputs) {
    LayerSpec layer = model.layer(index);
    boolean previousOnly = index > 0 && inputs.size() == 1 && inputs.get(0).equals(model.layer(index - 1).id());
    return model.replace(index, layer.withInputs(previousOnly ? List.of() : inputs));
  }

  /** Every layer that names just the layer before it reads it implicitly again, so sequential stretches stay sequential. */
  static ModelSpec simplify(ModelSpec model) {
    ModelSpec out = model;
    for (int i = 0; i < out.size(); i++) {
      if (out.layer(i).hasExplicitInputs()) {
        out = setInputs(out, i, out.layer(i).inputs());
      }
    }
    return out;
  }

  /** Every layer names what it reads, so that moving layers in the list changes no connection. */
  static ModelSpec explicit(ModelSpec model) {
    ModelSpec out = model;
    for (int i = 0; i < out.size(); i++) {
      out = out.withExplicitInputs(i);
    }
    return out;
  }

  /** Replaces every explicit mention of {@code id} in the inputs of other layers by {@code replacement}. */
  static ModelSpec replaceSource(ModelSpec model, String id, String replacement) {
    ModelSpec out = model;
    for (int i = 0; i < out.size(); i++) {
      LayerSpec layer = out.layer(i);
      if (layer.inputs().contains(id)) {
        List<String> in = new ArrayList<>(layer.inputs());
        in.replaceAll(s -> s.equals(id) ? replacement : s);
        out = out.replace(i, layer.withInputs(in));
      }
    }
    return out;
  }

  static void requireFreeId(ModelSpec model, String id) {
    if (model.indexOf(id) >= 0) {
      throw LocalizedArgumentException.of("edit.nameTaken", id, suggestion(model, id));
    }
    if (id.isEmpty()) {
      throw LocalizedArgumentException.of("edit.nameEmpty");
    }
  }

  private static String suggestion(ModelSpec model, String id) {
    String stem = id.replaceAll("[0-9]+$", "");
    for (int n = 2; ; n++) {
      if (model.indexOf(stem + n) < 0) {
        return stem + n;
      }
    }
  }
}
