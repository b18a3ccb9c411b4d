package org.layerlab.model.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.layerlab.model.LocalizedArgumentException;

/**
 * Where an editor drew the layers the user placed by hand: layer id to the top-left corner of its node, in the editor's
 * coordinates. Layers without a position are laid out automatically, so an empty layout is a complete one. Immutable.
 *
 * @param positions layer id to position, in the order given
 */
public record Layout(Map<String, Position> positions) {

  /** No layer placed by hand. */
  public static final Layout NONE = new Layout(Map.of());

  /** The top-left corner of a layer's node. Both coordinates are finite numbers. */
  public record Position(double x, double y) {
    public Position {
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw LocalizedArgumentException.of("layout.position", String.valueOf(x), String.valueOf(y));
      }
    }
  }

  public Layout {
    Objects.requireNonNull(positions, "positions");
    Map<String, Position> copy = new LinkedHashMap<>();
    positions.forEach((id, p) -> copy.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(p, "position")));
    positions = Collections.unmodifiableMap(copy);
  }

  public boolean isEmpty() {
    return positions.isEmpty();
  }

  public Optional<Position> position(String id) {
    return Optional.ofNullable(positions.get(id));
  }
}
