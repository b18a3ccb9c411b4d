package org.layerlab.model.export;

import java.util.List;
import org.layerlab.model.analysis.Problem;

/** A model that cannot be written as code yet, with the problems to fix first. */
public class ExportException extends Exception {

  private final transient List<Problem> problems;

  public ExportException(String message, List<Problem> problems) {
    super(message + (problems.isEmpty() ? "" : ": " + problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
