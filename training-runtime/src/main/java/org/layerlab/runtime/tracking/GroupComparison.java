package org.layerlab.runtime.tracking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.layerlab.runtime.store.MetricSummary;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.tracking.stats.Sample;
import org.layerlab.runtime.tracking.stats.TTest;

/**
 * Whether one group of repeated runs did significantly better than another on a metric's final (or best) value, said in plain
 * words.
 *
 * <p>When both groups ran the same seeds, each seed's two runs saw the same data split and batch order, and the groups are compared
 * seed by seed with the {@linkplain TTest#paired paired t-test}; otherwise with {@linkplain TTest#welch Welch's t-test}. Significance
 * is at the 5% level, two-sided. Runs without the metric are left out.
 *
 * @param test the test's outcome, or {@code null} when a group has fewer than two values and no test can be made
 * @param sentence the outcome in words, for a person deciding which setting to keep
 */
public record GroupComparison(
    String tag, MetricSummary.Kind kind, String nameA, String nameB, Sample a, Sample b, TTest.Result test, String sentence) {

  /** The significance level the sentence uses. */
  public static final double ALPHA = 0.05;

  /** Compares the value of {@code tag} of the kind given between two groups of runs. */
  public static GroupComparison compare(
      String nameA, List<RunEntry> groupA, String nameB, List<RunEntry> groupB, String tag, MetricSummary.Kind kind) {
    double[] va = values(groupA, tag, kind);
    double[] vb = values(groupB, tag, kind);
    Sample sa = Sample.of(va);
    Sample sb = Sample.of(vb);
    TTest.Result test = null;
    if (sa.n() >= 2 && sb.n() >= 2) {
      double[][] pairs = pairedBySeed(groupA, groupB, tag, kind);
      test = pairs != null ? TTest.paired(pairs[0], pairs[1]) : TTest.welch(va, vb);
    }
    return new GroupComparison(tag, kind, nameA, nameB, sa, sb, test, sentence(nameA, nameB, sa, sb, tag, kind, test));
  }

  private static double[] values(List<RunEntry> runs, String tag, MetricSummary.Kind kind) {
    return runs.stream().mapToDouble(r -> r.metricValue(tag, kind)).toArray();
  }

  /** The two groups' values seed by seed, or {@code null} unless both ran the same set of distinct seeds (two or more). */
  private static double[][] pairedBySeed(List<RunEntry> a, List<RunEntry> b, String tag, MetricSummary.Kind kind) {
    Map<Long, RunEntry> bySeed = new HashMap<>();
    for (RunEntry r : b) {
      if (r.seed() == null || bySeed.put(r.seed(), r) != null) {
        return null;
      }
    }
    Set<Long> seen = new HashSet<>();
    List<double[]> pairs = new ArrayList<>();
    for (RunEntry r : a) {
      if (r.seed() == null || !seen.add(r.seed()) || !bySeed.containsKey(r.seed())) {
        return null;
      }
      pairs.add(new double[] {r.metricValue(tag, kind), bySeed.get(r.seed()).metricValue(tag, kind)});
    }
    if (seen.size() != bySeed.size() || pairs.stream().filter(p -> !Double.isNaN(p[0]) && !Double.isNaN(p[1])).count() < 2) {
      return null;
    }
    double[][] out = new double[2][pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      out[0][i] = pairs.get(i)[0];
      out[1][i] = pairs.get(i)[1];
    }
    return out;
  }

  private static String sentence(
      String nameA, String nameB, Sample a, Sample b, String tag, MetricSummary.Kind kind, TTest.Result test) {
    String what = (kind == MetricSummary.Kind.FINAL ? "Final " : "Best ") + tag;
    StringBuilder s = new StringBuilder();
    s.append(what).append(": ").append(nameA).append(' ').append(describe(a)).append(", ").append(nameB).append(' ').append(describe(b));
    s.append(". ");
    if (test == null) {
      return s.append("No test is possible: each group needs at least two runs with this metric. Train more seeds.").toString();
    }
    boolean lower = MetricSummary.lowerIsBetter(tag);
    double diff = test.difference();
    if (diff == 0) {
      s.append("The groups' means are equal");
    } else {
      String higher = diff > 0 ? nameA : nameB;
      s.append(higher).append(" is higher by ").append(number(Math.abs(diff)));
      s.append(" (").append(lower ? "lower" : "higher").append(" is better for this metric)");
    }
    s.append(". ").append(Character.toUpperCase(test.kind().words().charAt(0))).append(test.kind().words().substring(1));
    if (test.kind() == TTest.Kind.PAIRED) {
      s.append(" (both groups ran the same seeds)");
    }
    if (Double.isInfinite(test.t())) {
      s.append(": no run differs from the others of its group");
      s.append(test.kind() == TTest.Kind.PAIRED ? " by seed" : "");
      s.append(", so chance cannot explain the difference: ");
    } else {
      s.append(String.format(Locale.ROOT, ": t = %.2f, df = %.1f, p = %s. ", test.t(), test.df(), pValue(test.p())));
      s.append("Groups that are truly alike would differ this much ").append(chance(test.p())).append(", so ");
    }
    if (!test.significant(ALPHA)) {
      return s.append("these runs do not show that either group is better (not significant at the 5% level); more seeds would tell more.")
          .toString();
    }
    String better = (diff > 0) != lower ? nameA : nameB;
    return s.append("the difference is significant at the 5% level: ").append(better).append(" is better.").toString();
  }

  private static String describe(Sample s) {
    if (s.n() == 0) {
      return "has no run with it";
    }
    if (s.n() == 1) {
      return number(s.mean()) + " (1 run)";
    }
    return number(s.mean()) + " ± " + number(s.sd()) + " (mean ± sd of " + s.n() + " runs)";
  }

  private static String chance(double p) {
    if (p < 0.001) {
      return "by chance less than once in a thousand tries";
    }
    double percent = p * 100;
    return "by chance in about " + (percent < 10 ? String.format(Locale.ROOT, "%.1f", percent) : String.format(Locale.ROOT, "%.0f", percent))
        + "% of tries";
  }

  private static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.4f", v);
  }
}
