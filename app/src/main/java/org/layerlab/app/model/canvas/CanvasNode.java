package org.layerlab.app.model.canvas;

import java.util.List;
import org.layerlab.model.LayerSpec;

/**
 * One layer as the canvas draws it: what its card said (name, type, key settings, output shape, parameter count, problems), where
 * it is, and its ports.
 *
 * @param inputs what feeds each input port, in port order: a layer id, or {@link LayerSpec#UNCONNECTED}
 * @param growable whether a wire dropped past the last input port adds a port (Add and Concatenate)
 * @param placed whether the user put the node where it is (else the automatic layout did)
 */
public record CanvasNode(
    String id,
    String typeName,
    String summary,
    String outputShape,
    String parameters,
    List<String> problems,
    double x,
    double y,
    List<String> inputs,
    boolean growable,
    boolean placed) {

  public CanvasNode {
    problems = List.copyOf(problems);
    inputs = List.copyOf(inputs);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** The input ports drawn: one per input, plus an open one to grow a merge. */
  public int portCount() {
    return inputs.size() + (growable ? 1 : 0);
  }

  /** The badge's tooltip: every problem, one a line. */
  public String problemText() {
    return String.join("\n", problems);
  }
}
