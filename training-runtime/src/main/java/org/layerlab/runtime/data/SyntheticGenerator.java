package org.layerlab.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.layerlab.model.LocalText;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Generates the small teaching datasets of {@link SyntheticKind}, all seeded: the same reference always gives the same samples in the
 * same order, class after class. Noise is Gaussian with standard deviation {@code noise}, drawn from the same {@link Random}.
 *
 * <ul>
 *   <li><b>circles</b>: class {@code c} of {@code k} lies on the circle of radius {@code (c + 1) / k} around the origin, at a uniform
 *       random angle, plus noise on both coordinates (with two classes, the rings of radius 0.5 and 1 of scikit-learn's
 *       {@code make_circles}).
 *   <li><b>xor</b>: points {@code (x, y)} uniform in the square from -1 to 1, class 0 where x and y have the same sign and class 1
 *       where they differ, plus noise: no straight line separates the classes.
 *   <li><b>gaussians</b>: class {@code c} of {@code k} is a Gaussian cluster centred at angle {@code 2 pi c / k} on the unit circle,
 *       {@code noise} being its standard deviation.
 *   <li><b>moons</b>: scikit-learn's {@code make_moons}: the upper half circle {@code (cos t, sin t)} and the lower one
 *       {@code (1 - cos t, 0.5 - sin t)}, {@code t} evenly spaced from 0 to pi, plus noise.
 *   <li><b>sine</b> (regression): x uniform from -pi to pi, target {@code sin x} plus noise.
 *   <li><b>polynomial</b> (regression): x uniform from -1.5 to 1.5, target {@code x^3 - x} plus noise.
 *   <li><b>sequence</b>: {@code length} steps of one value each, shape (length, 1): a sine, square, triangle or sawtooth wave (one
 *       class each, as many as there are classes) of 1 to 3 periods per sequence and random phase, plus noise at every step. The class
 *       is in the shape of the whole sequence, which is what recurrent layers read step by step.
 * </ul>
 *
 * <p>Classes share the samples evenly; the first classes get one more when they do not divide.
 */
public final class SyntheticGenerator {

  /** The waves of the sequence kind, one per class, as the bundle names them. */
  private static final List<String> WAVE_KEYS =
      List.of("generated.wave.sine", "generated.wave.square", "generated.wave.triangle", "generated.wave.sawtooth");

  private SyntheticGenerator() {}

  /** The shape of one sample of {@code ref}. */
  public static Shape sampleShape(DatasetRef.Synthetic ref) {
    return switch (ref.kind()) {
      case SINE, POLYNOMIAL -> Shape.of(1);
      case SEQUENCE -> Shape.of(ref.length(), 1);
      default -> Shape.of(2);
    };
  }

  public static Dataset generate(DatasetRef.Synthetic ref) {
    Random random = new Random(ref.seed());
    String name = "Synthetic " + ref.kind().jsonName();
    if (ref.kind().task() == DatasetRef.Task.REGRESSION) {
      return regression(ref, random, name);
    }
    int k = ref.classes();
    int n = ref.samples();
    if (k < 2 || n < k) {
      throw new IllegalArgumentException(ref.kind().jsonName() + " needs at least 2 classes and one sample per class, got " + ref);
    }
    Shape shape = sampleShape(ref);
    int size = (int) shape.elements();
    float[] features = new float[Math.multiplyExact(n, size)];
    int[] labels = new int[n];
    double noise = ref.noise();
    int s = 0;
    for (int c = 0; c < k; c++) {
      int count = n / k + (c < n % k ? 1 : 0);
      for (int i = 0; i < count; i++) {
        int at = s * size;
        switch (ref.kind()) {
          case CIRCLES -> {
            double r = (c + 1.0) / k;
            double angle = 2 * Math.PI * random.nextDouble();
            features[at] = (float) (r * Math.cos(angle) + noise * random.nextGaussian());
            features[at + 1] = (float) (r * Math.sin(angle) + noise * random.nextGaussian());
          }
          case XOR -> {
            double sx = random.nextBoolean() ? 1 : -1;
            double sy = c == 0 ? sx : -sx;
            features[at] = (float) (sx * random.nextDouble() + noise * random.nextGaussian());
            features[at + 1] = (float) (sy * random.nextDouble() + noise * random.nextGaussian());
          }
          case GAUSSIANS -> {
            double angle = 2 * Math.PI * c / k;
            features[at] = (float) (Math.cos(angle) + noise * random.nextGaussian());
            features[at + 1] = (float) (Math.sin(angle) + noise * random.nextGaussian());
          }
          case MOONS -> {
            double t = count == 1 ? 0 : Math.PI * i / (count - 1);
            double x = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            features[at] = (float) (x + noise * random.nextGaussian());
            features[at + 1] = (float) (y + noise * random.nextGaussian());
          }
          case SEQUENCE -> {
            double periods = 1 + 2 * random.nextDouble();
            double phase = 2 * Math.PI * random.nextDouble();
            for (int step = 0; step < size; step++) {
              double theta = 2 * Math.PI * periods * step / size + phase;
              features[at + step] = (float) (wave(c, theta) + noise * random.nextGaussian());
            }
          }
          default -> throw new IllegalArgumentException("not a classification kind: " + ref.kind());
        }
        labels[s] = c;
        s++;
      }
    }
    return new Dataset(name, features, labels, shape, k, classNames(ref.kind(), k, Locale.ENGLISH));
  }

  private static Dataset regression(DatasetRef.Synthetic ref, Random random, String name) {
    int n = ref.samples();
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double v;
      double target;
      if (ref.kind() == SyntheticKind.SINE) {
        v = Math.PI * (2 * random.nextDouble() - 1);
        target = Math.sin(v);
      } else {
        v = 1.5 * (2 * random.nextDouble() - 1);
        target = v * v * v - v;
      }
      x[i] = (float) v;
      y[i] = (float) (target + ref.noise() * random.nextGaussian());
    }
    return Dataset.regression(name, x, y, Shape.of(1), List.of("y"));
  }

  /** One period of each wave over {@code theta} in radians, from -1 to 1. */
  static double wave(int kind, double theta) {
    double cycles = theta / (2 * Math.PI);
    double frac = cycles - Math.floor(cycles);
    switch (kind) {
      case 0:
        return Math.sin(theta);
      case 1:
        return frac < 0.5 ? 1 : -1;
      case 2:
        return frac < 0.25 ? 4 * frac : frac < 0.75 ? 2 - 4 * frac : 4 * frac - 4;
      default:
        return frac < 0.5 ? 2 * frac : 2 * frac - 2;
    }
  }

  /**
   * The names of the {@code k} classes of a {@code kind} set in {@code locale}'s language. The data, the run store and the
   * command line use the English ones; a window shows them in its language ({@link GeneratedClasses}).
   */
  static List<String> classNames(SyntheticKind kind, int k, Locale locale) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      String number = String.valueOf(c + 1);
      LocalText name =
          switch (kind) {
            case CIRCLES -> RuntimeMessages.text("generated.ring", number);
            case XOR -> RuntimeMessages.text(c == 0 ? "generated.xor.same" : "generated.xor.opposite");
            case GAUSSIANS -> RuntimeMessages.text("generated.cluster", number);
            case MOONS -> RuntimeMessages.text(c == 0 ? "generated.moons.upper" : "generated.moons.lower");
            default -> RuntimeMessages.text(WAVE_KEYS.get(c));
          };
      names.add(name.message(locale));
    }
    return names;
  }
}
