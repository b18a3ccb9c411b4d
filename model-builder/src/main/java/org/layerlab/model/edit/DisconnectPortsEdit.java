package org.layerlab.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.model.ModelSpec;

/**
 * Disconnects an input port. A merge with more ports than it needs loses the port; any other port stays, with nothing connected,
 * and analysis asks for a connection there.
 */
public final class DisconnectPortsEdit extends ModelEdit {

  private final String to;
  private final int port;

  /** Disconnects input port {@code port} (from 0) of {@code to}. */
  public DisconnectPortsEdit(String to, int port) {
    this.to = Objects.requireNonNull(to, "to");
    this.port = port;
  }

  @Override
  public String description() {
    return "Disconnect input " + (port + 1) + " of " + to;
  }

  @Override
  protected ModelSpec apply(ModelSpec model) {
    int target = Connections.require(model, to);
    LayerSpec layer = model.layer(target);
    List<String> in = new ArrayList<>(model.inputsOf(target));
    if (port < 0 || port >= in.size()) {
      throw in.isEmpty()
          ? LocalizedArgumentException.of("edit.disconnect.noPorts", to, String.valueOf(port + 1))
          : LocalizedArgumentException.of("edit.disconnect.port", to, String.valueOf(in.size()), String.valueOf(port + 1));
    }
    if (layer.type().isMerge() && in.size() > layer.type().minInputs()) {
      in.remove(port);
    } else {
      in.set(port, LayerSpec.UNCONNECTED);
    }
    return Connections.setInputs(model, target, in);
  }
}
