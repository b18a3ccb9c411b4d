package org.layerlab.runtime.events;

import java.util.List;

/**
 * The trained model measured once on held-out data when a run finishes: the dataset's test split, or the validation set when the
 * dataset has no test split ({@code set} says which). Sent before {@link RunEnded}, for the weights the run ended with.
 *
 * @param confusion counts by true class (row) and predicted class (column)
 * @param perClass one entry per class, in class order
 * @param worst the samples with the highest loss, worst first
 */
public record TestReport(
    String set,
    ClassificationScores scores,
    List<String> classNames,
    long[][] confusion,
    List<ClassReport> perClass,
    List<MisclassifiedSample> worst,
    long wallTimeMillis) {

  public TestReport {
    classNames = List.copyOf(classNames);
    perClass = List.copyOf(perClass);
    worst = List.copyOf(worst);
    confusion = copy(confusion);
  }

  @Override
  public long[][] confusion() {
    return copy(confusion);
  }

  private static long[][] copy(long[][] m) {
    long[][] c = new long[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
