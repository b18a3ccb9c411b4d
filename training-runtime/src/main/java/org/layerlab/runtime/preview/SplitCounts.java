package org.layerlab.runtime.preview;

import java.util.Arrays;

/**
 * How many samples of each class land in the training, validation and test splits, without splitting anything: the counts follow
 * from each class's size by the rule of {@link org.layerlab.runtime.data.StratifiedSplit}, which the data loader applies first for
 * the test share (when the dataset has no test set of its own) and then for the validation share of the rest. A class of
 * {@code n >= 2} samples holds out {@code round(n * fraction)}, at least one and at most {@code n - 1}; a class of one sample holds
 * out none. A regression dataset is one group.
 *
 * @param train samples per class (group) that the model learns from
 * @param validation samples per class measured after every epoch
 * @param test samples per class of the test set: the dataset's own, or the share held out
 * @param ownTestSet whether the test set is the dataset's own (so the test fraction does not apply)
 */
public record SplitCounts(int[] train, int[] validation, int[] test, boolean ownTestSet) {

  public SplitCounts {
    train = train.clone();
    validation = validation.clone();
    test = test.clone();
  }

  /**
   * The split of a dataset.
   *
   * @param counts samples per class (one entry for regression), the dataset's own test set not included
   * @param ownTest samples per class of the dataset's own test set, or {@code null} when it has none
   * @param testFraction the share held out as a test set when there is no own test set; 0 for none
   * @param validationFraction the share of the rest held out for validation, above 0 and below 1
   */
  public static SplitCounts of(int[] counts, int[] ownTest, double testFraction, double validationFraction) {
    int k = counts.length;
    int[] test = new int[k];
    int[] validation = new int[k];
    int[] train = new int[k];
    for (int c = 0; c < k; c++) {
      int rest = counts[c];
      if (ownTest == null && testFraction > 0 && testFraction < 1) {
        test[c] = heldOut(rest, testFraction);
        rest -= test[c];
      } else if (ownTest != null) {
        test[c] = ownTest[c];
      }
      validation[c] = validationFraction > 0 && validationFraction < 1 ? heldOut(rest, validationFraction) : 0;
      train[c] = rest - validation[c];
    }
    return new SplitCounts(train, validation, test, ownTest != null);
  }

  /** How many of a class of {@code n} samples a stratified split holds out for {@code fraction}. */
  public static int heldOut(int n, double fraction) {
    if (n < 2) {
      return 0;
    }
    int take = (int) Math.round(n * fraction);
    return Math.max(1, Math.min(n - 1, take));
  }

  public int trainTotal() {
    return Arrays.stream(train).sum();
  }

  public int validationTotal() {
    return Arrays.stream(validation).sum();
  }

  public int testTotal() {
    return Arrays.stream(test).sum();
  }

  @Override
  public int[] train() {
    return train.clone();
  }

  @Override
  public int[] validation() {
    return validation.clone();
  }

  @Override
  public int[] test() {
    return test.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SplitCounts s
        && ownTestSet == s.ownTestSet
        && Arrays.equals(train, s.train)
        && Arrays.equals(validation, s.validation)
        && Arrays.equals(test, s.test);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(train) * 31 * 31 + Arrays.hashCode(validation) * 31 + Arrays.hashCode(test) + (ownTestSet ? 1 : 0);
  }

  @Override
  public String toString() {
    return "train " + trainTotal() + ", validation " + validationTotal() + ", test " + testTotal() + (ownTestSet ? " (own)" : "");
  }
}
