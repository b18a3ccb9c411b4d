package org.layerlab.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.model.ModelSpec;

/**
 * Connects the output of one layer to an input port of another. A port that is connected already is reconnected; the port one past
 * the last adds a port, which is how an Add or Concatenate gains inputs.
 */
public final class ConnectPortsEdit extends ModelEdit {

  private final String from;
  private final String to;
  private final int port;

  /** Connects {@code from} to input port {@code port} (from 0) of {@code to}. */
  public ConnectPortsEdit(String from, String to, int port) {
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
    this.port = port;
  }

  /** Connects {@code from} to a new port after the last port of {@code to}. */
  public static ConnectPortsEdit toNewPort(ModelSpec model, String from, String to) {
    return new ConnectPortsEdit(from, to, model.inputsOf(Connections.require(model, to)).size());
  }

  @Override
  public String description() {
    return "Connect " + from + " to " + to + (port > 0 ? " (input " + (port + 1) + ")" : "");
  }

  @Override
  protected ModelSpec apply(ModelSpec model) {
    Connections.require(model, from);
    int target = Connections.require(model, to);
    List<String> in = new ArrayList<>(model.inputsOf(target));
    if (port < 0 || port > in.size()) {
      throw LocalizedArgumentException.of("edit.connect.port", to, String.valueOf(in.size()), String.valueOf(port + 1));
    }
    if (port == in.size()) {
      in.add(from);
    } else {
      in.set(port, from);
    }
    return Connections.setInputs(model, target, in);
  }
}
