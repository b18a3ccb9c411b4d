package org.layerlab.runtime.compile;

import java.util.List;
import java.util.stream.Collectors;
import org.layerlab.model.analysis.Problem;

/** A model that analysis found invalid, so it cannot be compiled. The message lists every problem, each with its fix. */
public class InvalidModelException extends Exception {

  private final transient List<Problem> problems;

  public InvalidModelException(String intro, List<Problem> problems) {
    super(intro + " " + describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** The analyzer's problems, layer problems first. */
  public List<Problem> problems() {
    return problems;
  }

  /** The problems as one sentence list: {@code layer 'dense1': expects ...; layer 'input': ...}. */
  public static String describe(List<Problem> problems) {
    return problems.stream()
        .map(p -> p.layerId() == null ? p.message() : "layer '" + p.layerId() + "': " + p.message())
        .collect(Collectors.joining("; "));
  }
}
