package org.layerlab.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * The seeded 2-D spiral of Stanford's CS231n notes ("Putting it together: minimal neural network case study"): {@code classes} arms
 * of {@code n} points. Point {@code i} of arm {@code j} lies at radius {@code r = i / (n - 1)} and angle
 * {@code t = 4 (j + r) + noise * g} with {@code g} standard Gaussian, at {@code (r sin t, r cos t)} as in the notes. A linear
 * classifier cannot separate the arms; a small MLP can.
 *
 * <p>The Gaussians come from one {@link Random} seeded with the reference's seed, drawn arm after arm and point after point, so a
 * seed always gives the same points in the same order (arm 0 first).
 *
 * @see <a href="https://cs231n.github.io/neural-networks-case-study/">CS231n: neural network case study</a>
 */
public final class SpiralGenerator {

  private SpiralGenerator() {}

  /** The spiral that {@code ref} describes, with classes named "arm 1", "arm 2", .... */
  public static Dataset generate(DatasetRef.Spiral ref) {
    int k = ref.classes();
    int n = ref.pointsPerClass();
    if (k < 1 || n < 2) {
      throw new IllegalArgumentException("a spiral needs at least 1 class and 2 points per class, got " + k + " x " + n);
    }
    float[] xy = new float[Math.multiplyExact(2, Math.multiplyExact(k, n))];
    int[] labels = new int[k * n];
    Random random = new Random(ref.seed());
    int s = 0;
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        double r = (double) i / (n - 1);
        double t = 4 * (j + r) + ref.noise() * random.nextGaussian();
        xy[2 * s] = (float) (r * Math.sin(t));
        xy[2 * s + 1] = (float) (r * Math.cos(t));
        labels[s] = j;
        s++;
      }
    }
    return new Dataset("Spiral", xy, labels, Shape.of(2), k, classNames(k, Locale.ENGLISH));
  }

  /**
   * The names of a spiral's {@code k} arms in {@code locale}'s language: "arm 1", "arm 2", ... in English, which the data, the run
   * store and the command line use; a window shows them in its language ({@link GeneratedClasses}).
   */
  static List<String> classNames(int k, Locale locale) {
    List<String> names = new ArrayList<>();
    for (int j = 1; j <= k; j++) {
      names.add(RuntimeMessages.text("generated.arm", String.valueOf(j)).message(locale));
    }
    return names;
  }
}
