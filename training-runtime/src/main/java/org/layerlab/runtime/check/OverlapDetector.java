package org.layerlab.runtime.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.runtime.data.Dataset;

/**
 * Finds samples of one split that are identical to a sample of another, such as a validation image that is also a training image.
 * Such samples make validation scores look better than the model is, since it is measured on what it learnt by heart.
 *
 * <p>Every sample of the reference split is hashed (64 bits over the exact bits of its values); a sample of the other split whose hash
 * is found is compared value by value, so a hash collision is never counted as a duplicate.
 */
public final class OverlapDetector {

  private OverlapDetector() {}

  /** How many samples of {@code other} have an identical sample (the same values, whatever the label) in {@code reference}. */
  public static int count(Dataset reference, Dataset other) {
    if (reference.sampleSize() != other.sampleSize() || reference.size() == 0 || other.size() == 0) {
      return 0;
    }
    Map<Long, List<Integer>> byHash = new HashMap<>();
    for (int i = 0; i < reference.size(); i++) {
      byHash.computeIfAbsent(hash(reference, i), h -> new ArrayList<>(1)).add(i);
    }
    int found = 0;
    for (int j = 0; j < other.size(); j++) {
      List<Integer> candidates = byHash.get(hash(other, j));
      if (candidates == null) {
        continue;
      }
      for (int i : candidates) {
        if (same(reference, i, other, j)) {
          found++;
          break;
        }
      }
    }
    return found;
  }

  /** FNV-1a over the bits of each value, then a final mix: cheap, and spreads images that differ in one pixel. */
  static long hash(Dataset d, int sample) {
    long h = 0xcbf29ce484222325L;
    for (int o = 0; o < d.sampleSize(); o++) {
      h ^= Float.floatToIntBits(d.feature(sample, o) + 0.0f); // + 0.0f: -0 and 0 are the same value
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    return h ^ (h >>> 33);
  }

  private static boolean same(Dataset a, int i, Dataset b, int j) {
    for (int o = 0; o < a.sampleSize(); o++) {
      if (Float.compare(a.feature(i, o) + 0.0f, b.feature(j, o) + 0.0f) != 0) {
        return false;
      }
    }
    return true;
  }
}
