package org.layerlab.charts.scalar;

import java.util.Objects;
import org.layerlab.charts.ChartTexts;

/**
 * How a {@link ScalarChart} smooths its curves. The raw curve stays visible, faint, behind the smoothed one.
 *
 * <p>{@link Kind#EXPONENTIAL} is TensorBoard's smoothing: an exponential moving average, {@code last = last * w + (1 - w) * v}
 * starting from {@code last = 0}, divided by {@code 1 - w^n} where {@code n} counts the finite values so far. Without that
 * division the first smoothed values would be pulled towards zero (the bias that Adam's moment estimates correct the same way;
 * Kingma and Ba, "Adam: A Method for Stochastic Optimization", 2015, section 3). A non-finite value is passed through unsmoothed
 * and does not count.
 *
 * <p>{@link Kind#MOVING_AVERAGE} averages the last {@code window} finite values, trailing, so a point never sees the future.
 *
 * <p>Both keep a constant series exactly constant: if every finite value so far equals the first, the smoothed values are the raw
 * ones, so rounding cannot turn 0.1 into 0.09999999999999999.
 *
 * @param kind which smoothing
 * @param weight the exponential weight {@code w}, in [0, 1); 0 leaves the curve as it is
 * @param window the moving average's number of points, at least 1; 1 leaves the curve as it is
 */
public record Smoothing(Kind kind, double weight, int window) {

  /** The largest exponential weight; at 1 the average would never move. */
  public static final double MAX_WEIGHT = 0.999;

  /** The kinds of smoothing. */
  public enum Kind {
    NONE("smoothing.kind.none"),
    EXPONENTIAL("smoothing.kind.exponential"),
    MOVING_AVERAGE("smoothing.kind.movingAverage");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The name shown in a choice, in the language of {@link ChartTexts} now. */
    public String label() {
      return ChartTexts.get(key);
    }

    /** The label: a choice box shows it. */
    @Override
    public String toString() {
      return label();
    }
  }

  /** TensorBoard's default: exponential smoothing with weight 0.6. */
  public static final Smoothing DEFAULT = exponential(0.6);

  public Smoothing {
    Objects.requireNonNull(kind, "kind");
    if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
      throw new IllegalArgumentException("weight must lie in [0, " + MAX_WEIGHT + "], not " + weight);
    }
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1, not " + window);
    }
  }

  /** No smoothing. */
  public static Smoothing none() {
    return new Smoothing(Kind.NONE, 0, 1);
  }

  /** TensorBoard's debiased exponential moving average with weight {@code w} in [0, 0.999]. */
  public static Smoothing exponential(double weight) {
    return new Smoothing(Kind.EXPONENTIAL, weight, 1);
  }

  /** The mean of the last {@code window} finite values. */
  public static Smoothing movingAverage(int window) {
    return new Smoothing(Kind.MOVING_AVERAGE, 0, window);
  }

  /** Whether this changes any curve; if not, the chart draws only the raw curves, in full colour. */
  public boolean isActive() {
    switch (kind) {
      case EXPONENTIAL:
        return weight > 0;
      case MOVING_AVERAGE:
        return window > 1;
      case NONE:
      default:
        return false;
    }
  }

  /** This smoothing in words for the user, such as "moving average of 10", in the language of {@link ChartTexts} now. */
  public String describe() {
    switch (kind) {
      case EXPONENTIAL:
        return ChartTexts.get("smoothing.describe.exponential", java.math.BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString());
      case MOVING_AVERAGE:
        return ChartTexts.get("smoothing.describe.movingAverage", window);
      case NONE:
      default:
        return ChartTexts.get("smoothing.describe.none");
    }
  }

  /** For programmers and logs, always English; {@link #describe()} is the text for users. */
  @Override
  public String toString() {
    switch (kind) {
      case EXPONENTIAL:
        return "exponential, weight " + weight;
      case MOVING_AVERAGE:
        return "moving average of " + window;
      case NONE:
      default:
        return "none";
    }
  }

  /** The smoothed values of a whole series; a new array of the same length. */
  public double[] apply(double[] values) {
    Smoother s = newSmoother();
    double[] out = new double[values.length];
    s.extend(values, values.length, out);
    return out;
  }

  /** A smoother that can be fed a growing series in pieces. */
  Smoother newSmoother() {
    return new Smoother(this);
  }

  /**
   * Smooths a series incrementally: {@link #extend} computes the values after those already computed, so a live curve costs
   * only its new points per frame. The caller keeps the output array and passes it, grown, each time.
   */
  static final class Smoother {
    private final Smoothing smoothing;
    private int done;
    private boolean constantSoFar = true;
    private double first = Double.NaN;
    // exponential
    private double last;
    /** w to the power of the finite values so far, kept as a running product: Math.pow per point cost 90 ms per million. */
    private double weightPower = 1;
    // moving average: the finite values in the window are values[tail..] skipping non-finite ones
    private double sum;
    private double compensation;
    private int inWindow;
    private int tail;

    private Smoother(Smoothing smoothing) {
      this.smoothing = smoothing;
    }

    /** Number of values smoothed so far. */
    int done() {
      return done;
    }

    /** Smooths {@code values[done..size)} into {@code out[done..size)}; earlier values must not have changed. */
    void extend(double[] values, int size, double[] out) {
      for (int i = done; i < size; i++) {
        double v = values[i];
        if (!Double.isFinite(v)) {
          out[i] = v;
          continue;
        }
        if (constantSoFar) {
          if (Double.isNaN(first)) {
            first = v;
          }
          constantSoFar = v == first;
        }
        double smoothed = next(values, i, v);
        out[i] = constantSoFar ? v : smoothed;
      }
      done = Math.max(done, size);
    }

    private double next(double[] values, int i, double v) {
      switch (smoothing.kind) {
        case EXPONENTIAL:
          {
            double w = smoothing.weight;
            last = last * w + (1 - w) * v;
            weightPower *= w;
            double debias = 1 - weightPower;
            return last / debias;
          }
        case MOVING_AVERAGE:
          {
            add(v);
            inWindow++;
            while (inWindow > smoothing.window) {
              while (!Double.isFinite(values[tail])) {
                tail++;
              }
              add(-values[tail]);
              tail++;
              inWindow--;
            }
            return (sum + compensation) / inWindow;
          }
        case NONE:
        default:
          return v;
      }
    }

    /** Neumaier's compensated addition, so a long running sum does not drift. */
    private void add(double v) {
      double t = sum + v;
      if (Math.abs(sum) >= Math.abs(v)) {
        compensation += (sum - t) + v;
      } else {
        compensation += (v - t) + sum;
      }
      sum = t;
    }
  }
}
