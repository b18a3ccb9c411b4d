package org.layerlab.charts.schedule;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.MetricChart;
import org.layerlab.charts.MetricSeries;
import org.layerlab.charts.internal.TickLabels;

/**
 * A preview of learning-rate schedules over a run's planned steps, before it starts: one curve per schedule on a {@link
 * MetricChart}, a log-scale switch (schedules often span decades) and a line giving the start, peak and end rate of the last one.
 *
 * <p>Long schedules are drawn from at most {@link #MAX_POINTS} points chosen per bucket of steps as the first, lowest, highest and
 * last step, so a step decay's drops land on their exact step. JavaFX thread throughout.
 */
public final class ScheduleChart extends BorderPane {

  public static final String LOG_ID = "schedule-chart-log";
  public static final String SUMMARY_ID = "schedule-chart-summary";

  /** Most points drawn per schedule. */
  public static final int MAX_POINTS = 4_000;

  private final MetricChart chart = new MetricChart(ChartTexts.get("schedule.axis.step"), ChartTexts.get("schedule.axis.rate"));
  private final CheckBox log = new CheckBox(ChartTexts.get("schedule.logScale"));
  private final Label summary = new Label();
  private final List<MetricSeries> shown = new ArrayList<>();

  public ScheduleChart() {
    log.setId(LOG_ID);
    summary.setId(SUMMARY_ID);
    DefaultNumericAxis x = (DefaultNumericAxis) chart.chart().getXAxis();
    x.setTickLabelFormatter(TickLabels.counts());
    log.selectedProperty()
        .addListener(
            (obs, old, now) -> {
              ((DefaultNumericAxis) chart.chart().getYAxis()).setLogAxis(now);
              chart.resetZoom();
            });
    HBox bar = new HBox(12, log, summary);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    setTop(bar);
    setCenter(chart);
    getStyleClass().add("schedule-chart");
  }

  /** Adds a schedule's curve over steps 0 to {@code totalSteps - 1}, in the palette's next colour. */
  public MetricSeries addSchedule(String name, LearningRateSchedule schedule, long totalSteps) {
    if (totalSteps < 1) {
      throw new IllegalArgumentException("totalSteps must be at least 1");
    }
    double[][] xy = sample(schedule, totalSteps, MAX_POINTS);
    MetricSeries series = chart.addSeries(name, shown.size(), false);
    series.appendAll(xy[0], xy[1]);
    shown.add(series);
    summary.setText(summarise(name, schedule, totalSteps));
    chart.resetZoom();
    return series;
  }

  /** Shows only this schedule. */
  public MetricSeries setSchedule(String name, LearningRateSchedule schedule, long totalSteps) {
    clear();
    return addSchedule(name, schedule, totalSteps);
  }

  public void clear() {
    chart.clearSeries();
    shown.clear();
    summary.setText("");
  }

  /** The chart inside. */
  public MetricChart chart() {
    return chart;
  }

  public javafx.beans.property.BooleanProperty logScaleProperty() {
    return log.selectedProperty();
  }

  /** The summary line's text. */
  public String summaryText() {
    return summary.getText();
  }

  /**
   * The steps and rates to draw: every step while there are at most {@code maxPoints}, else per bucket of steps the first,
   * lowest, highest and last, in step order.
   */
  static double[][] sample(LearningRateSchedule schedule, long totalSteps, int maxPoints) {
    if (totalSteps <= maxPoints) {
      double[] xs = new double[(int) totalSteps];
      double[] ys = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = i;
        ys[i] = schedule.rate(i);
      }
      return new double[][] {xs, ys};
    }
    int buckets = maxPoints / 4;
    List<double[]> points = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      long from = totalSteps * b / buckets;
      long to = totalSteps * (b + 1) / buckets;
      long lo = from;
      long hi = from;
      double low = schedule.rate(from);
      double high = low;
      for (long s = from + 1; s < to; s++) {
        double r = schedule.rate(s);
        if (r < low) {
          low = r;
          lo = s;
        }
        if (r > high) {
          high = r;
          hi = s;
        }
      }
      long[] steps = {from, Math.min(lo, hi), Math.max(lo, hi), to - 1};
      double[] rates = new double[4];
      for (int k = 0; k < 4; k++) {
        rates[k] = schedule.rate(steps[k]);
      }
      for (int k = 0; k < 4; k++) {
        if (k == 0 || steps[k] != steps[k - 1]) {
          points.add(new double[] {steps[k], rates[k]});
        }
      }
    }
    double[] xs = new double[points.size()];
    double[] ys = new double[points.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = points.get(i)[0];
      ys[i] = points.get(i)[1];
    }
    return new double[][] {xs, ys};
  }

  static String summarise(String name, LearningRateSchedule schedule, long totalSteps) {
    double peak = Double.NEGATIVE_INFINITY;
    long peakStep = 0;
    for (long s = 0; s < totalSteps; s++) {
      double r = schedule.rate(s);
      if (r > peak) {
        peak = r;
        peakStep = s;
      }
    }
    return ChartTexts.get(
        "schedule.summary",
        name,
        rate(schedule.rate(0)),
        rate(peak),
        TickLabels.count(peakStep),
        rate(schedule.rate(totalSteps - 1)),
        TickLabels.count(totalSteps));
  }

  private static String rate(double r) {
    return String.format(Locale.ROOT, "%.3g", r);
  }
}
