package org.layerlab.model.edit;

import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.model.ModelSpec;

/**
 * Moves a layer to another place in the list.
 *
 * <p>A list editor wants the layer order to be the data flow, so by default layers that name no inputs read the layer before them
 * at their new place, as {@link ModelSpec#move} does. A graph editor wants to tidy the list without rewiring: {@link
 * #keepingConnections} keeps what feeds every layer.
 */
public final class MoveLayerEdit extends ModelEdit {

  private final int from;
  private final int to;
  private final boolean keepConnections;

  /** Moves the layer at {@code from} to {@code to}; layers without named inputs read the layer before them at their new place. */
  public MoveLayerEdit(int from, int to) {
    this(from, to, false);
  }

  private MoveLayerEdit(int from, int to, boolean keepConnections) {
    this.from = from;
    this.to = to;
    this.keepConnections = keepConnections;
  }

  /** Moves the layer at {@code from} to {@code to}, every layer reading what it read before. */
  public static MoveLayerEdit keepingConnections(int from, int to) {
    return new MoveLayerEdit(from, to, true);
  }

  @Override
  public String description() {
    return "Move layer " + (from + 1) + " to position " + (to + 1);
  }

  @Override
  protected ModelSpec apply(ModelSpec model) {
    if (from < 0 || from >= model.size() || to < 0 || to >= model.size()) {
      throw LocalizedArgumentException.of("edit.movePosition", String.valueOf(model.size()), String.valueOf(from + 1), String.valueOf(to + 1));
    }
    if (!keepConnections) {
      return model.move(from, to);
    }
    return Connections.simplify(Connections.explicit(model).move(from, to));
  }
}
