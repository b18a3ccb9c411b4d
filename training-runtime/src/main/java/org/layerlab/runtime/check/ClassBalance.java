package org.layerlab.runtime.check;

import java.util.List;
import java.util.Locale;

/**
 * Whether the training samples spread evenly enough over the classes. When the largest class has {@link #WARNING_RATIO} times the
 * samples of the smallest or more, a model can score well by favouring the large classes, and accuracy hides it; a class with no
 * training samples at all cannot be learnt.
 */
public final class ClassBalance {

  /** The ratio of the largest to the smallest class from which the check warns. */
  public static final double WARNING_RATIO = 3.0;

  private ClassBalance() {}

  /**
   * The finding for these training counts.
   *
   * @param counts training samples per class
   * @param classNames the name of each class
   */
  public static Finding check(int[] counts, List<String> classNames) {
    if (counts.length < 2) {
      return new Finding(Topic.BALANCE, Severity.SKIPPED, "balance.noClasses", List.of(), "There are no classes to balance.");
    }
    int largest = 0;
    int smallest = 0;
    for (int c = 1; c < counts.length; c++) {
      if (counts[c] > counts[largest]) {
        largest = c;
      }
      if (counts[c] < counts[smallest]) {
        smallest = c;
      }
    }
    String big = name(classNames, largest);
    String small = name(classNames, smallest);
    if (counts[smallest] == 0) {
      return new Finding(
          Topic.BALANCE,
          Severity.ERROR,
          "balance.empty",
          List.of(small),
          "Class '" + small + "' has no training samples, so the model cannot learn it: add samples of it, or remove the class.");
    }
    double ratio = (double) counts[largest] / counts[smallest];
    String r = String.format(Locale.ROOT, "%.1f", ratio);
    if (ratio >= WARNING_RATIO) {
      return new Finding(
          Topic.BALANCE,
          Severity.WARNING,
          "balance.skewed",
          List.of(big, counts[largest], small, counts[smallest], r),
          "Class '"
              + big
              + "' has "
              + counts[largest]
              + " training samples, "
              + r
              + " times the "
              + counts[smallest]
              + " of '"
              + small
              + "': accuracy will flatter the model. Collect more samples of the small classes, or watch per-class recall.");
    }
    return new Finding(
        Topic.BALANCE,
        Severity.OK,
        "balance.ok",
        List.of(counts[smallest], counts[largest], r),
        "Classes are balanced: " + counts[smallest] + " to " + counts[largest] + " training samples each (ratio " + r + ").");
  }

  private static String name(List<String> names, int c) {
    return c < names.size() ? names.get(c) : Integer.toString(c);
  }
}
