package org.layerlab.runtime.data;

import java.util.Random;

/**
 * A dataset split into training and validation samples so that each class keeps its share in both.
 *
 * <p>For each class in turn, its samples are shuffled with one {@link Random} seeded with {@code seed} and the first
 * {@code round(count * fraction)} go to validation (at least one and at most all but one, for a class with two samples or more). Both
 * parts keep the original sample order; training shuffles its part anew every epoch.
 */
public record StratifiedSplit(Dataset train, Dataset validation) {

  /**
   * @param fraction share of each class held out for validation, above 0 and below 1
   */
  public static StratifiedSplit of(Dataset data, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("validation fraction must be above 0 and below 1, got " + fraction);
    }
    int[] counts = data.classCounts();
    int[][] byClass = new int[data.classes()][];
    int[] filled = new int[data.classes()];
    for (int c = 0; c < counts.length; c++) {
      byClass[c] = new int[counts[c]];
    }
    for (int i = 0; i < data.size(); i++) {
      int c = data.label(i);
      byClass[c][filled[c]++] = i;
    }
    Random random = new Random(seed);
    boolean[] held = new boolean[data.size()];
    int heldCount = 0;
    for (int[] members : byClass) {
      shuffle(members, random);
      int take = (int) Math.round(members.length * fraction);
      if (members.length >= 2) {
        take = Math.max(1, Math.min(members.length - 1, take));
      } else {
        take = 0;
      }
      for (int i = 0; i < take; i++) {
        held[members[i]] = true;
      }
      heldCount += take;
    }
    int[] trainIdx = new int[data.size() - heldCount];
    int[] validationIdx = new int[heldCount];
    int t = 0;
    int v = 0;
    for (int i = 0; i < data.size(); i++) {
      if (held[i]) {
        validationIdx[v++] = i;
      } else {
        trainIdx[t++] = i;
      }
    }
    return new StratifiedSplit(data.subset(trainIdx, data.name() + " train"), data.subset(validationIdx, data.name() + " validation"));
  }

  /** Fisher-Yates shuffle, the same for the same random sequence on every JVM. */
  static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }
}
