package org.layerlab.app.runs;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import org.layerlab.app.i18n.Messages;
import org.layerlab.runtime.store.MetricSummary;

/**
 * A column of the runs table that shows one value of a recorded series for every run, such as the best validation accuracy.
 *
 * @param tag the series, such as {@code epoch/validation_accuracy}
 * @param kind its final value or its best (lowest for a loss, highest otherwise)
 */
public record MetricColumn(String tag, MetricSummary.Kind kind) {

  public MetricColumn {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(kind, "kind");
  }

  public static MetricColumn finalOf(String tag) {
    return new MetricColumn(tag, MetricSummary.Kind.FINAL);
  }

  public static MetricColumn bestOf(String tag) {
    return new MetricColumn(tag, MetricSummary.Kind.BEST);
  }

  /** The column's header in the current language, such as "Best val. accuracy". */
  public String label() {
    return Messages.get("runs.metric.kind." + kind.name(), metricName(tag));
  }

  /** A series' name in the current language when it is one Layerlab records, else the tag itself. */
  public static String metricName(String tag) {
    String key = "runs.metric.tag." + tag;
    String name = Messages.get(key);
    return name.equals("[" + key + "]") ? tag : name;
  }

  /** Whether the series is a share between 0 and 1 that reads as a percentage. */
  public static boolean isShare(String tag) {
    String name = tag.substring(tag.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.contains("accuracy") || name.contains("precision") || name.contains("recall") || name.endsWith("f1");
  }

  /** A value of the series as text: a percentage for a share, four significant decimals otherwise, a dash for none. */
  public static String format(String tag, double value) {
    if (Double.isNaN(value)) {
      return Messages.get("common.none");
    }
    if (isShare(tag)) {
      return Messages.percent(value);
    }
    NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
    f.setGroupingUsed(false);
    f.setMaximumFractionDigits(Math.abs(value) >= 100 ? 1 : 4);
    return f.format(value);
  }
}
