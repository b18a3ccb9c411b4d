package org.layerlab.runtime.data;

import java.util.Random;

/**
 * A dataset split into training and validation samples so that each class keeps its share in both.
 *
 * <p>For each class in turn, its samples are shuffled with one {@link Random} seeded with {@code seed} and the first
 * {@code round(count * fraction)} go to validation (at least one and at most all but one, for a class with two samples or more). Both
 * parts keep the original sample order; training shuffles its part anew every epoch. A regression dataset has no classes: its samples
 * are split as one group by the same rule.
 */
public record StratifiedSplit(Dataset train, Dataset validation) {

  /**
   * @param fraction share of each class held out for validation, above 0 and below 1
   */
  public static StratifiedSplit of(Dataset data, double fraction, long seed) {
    int[][] parts = indices(data, fraction, seed);
    return new StratifiedSplit(data.subset(parts[0], data.name() + " train"), data.subset(parts[1], data.name() + " validation"));
  }

  /**
   * The sample indices of the two parts, in the original order: {@code [0]} kept, {@code [1]} held out.
   *
   * @param fraction share of each class held out, above 0 and below 1
   */
  static int[][] indices(Dataset data, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("the share held out must be above 0 and below 1, got " + fraction);
    }
    int groups = data.isRegression() ? 1 : data.classes();
    int[] counts = new int[groups];
    for (int i = 0; i < data.size(); i++) {
      counts[group(data, i)]++;
    }
    int[][] byGroup = new int[groups][];
    int[] filled = new int[groups];
    for (int c = 0; c < groups; c++) {
      byGroup[c] = new int[counts[c]];
    }
    for (int i = 0; i < data.size(); i++) {
      int c = group(data, i);
      byGroup[c][filled[c]++] = i;
    }
    Random random = new Random(seed);
    boolean[] held = new boolean[data.size()];
    int heldCount = 0;
    for (int[] members : byGroup) {
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
    int[] kept = new int[data.size() - heldCount];
    int[] out = new int[heldCount];
    int k = 0;
    int h = 0;
    for (int i = 0; i < data.size(); i++) {
      if (held[i]) {
        out[h++] = i;
      } else {
        kept[k++] = i;
      }
    }
    return new int[][] {kept, out};
  }

  private static int group(Dataset data, int sample) {
    return data.isRegression() ? 0 : data.label(sample);
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
