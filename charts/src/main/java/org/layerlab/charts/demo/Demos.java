package org.layerlab.charts.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.layerlab.charts.MetricChart;
import org.layerlab.charts.MetricSeries;
import org.layerlab.charts.scalar.RunEvent;
import org.layerlab.charts.scalar.RunGroup;
import org.layerlab.charts.scalar.ScalarChart;
import org.layerlab.charts.scalar.ScalarRun;
import org.layerlab.charts.scalar.Smoothing;
import org.layerlab.charts.scalar.SmoothingControl;

/** The demo of each component: the component with generated data, and what stops its background feeding. */
final class Demos {

  /** A component ready to show, and how to stop its feeding threads. */
  record Demo(Node view, AutoCloseable stop) {
    static Demo still(Node view) {
      return new Demo(view, () -> {});
    }
  }

  private Demos() {}

  static Map<String, Supplier<Demo>> all() {
    Map<String, Supplier<Demo>> demos = new LinkedHashMap<>();
    demos.put("scalar", Demos::scalar);
    demos.put("smoothing", Demos::smoothing);
    demos.put("confusion", Demos::confusion);
    demos.put("histogram", Demos::histogram);
    demos.put("boundary", Demos::boundary);
    demos.put("samples", Demos::samples);
    demos.put("parallel", Demos::parallel);
    demos.put("schedule", Demos::schedule);
    demos.put("metric", Demos::metric);
    return demos;
  }

  static Demo scalar() {
    ScalarChart chart = new ScalarChart("loss");
    long start = System.currentTimeMillis() - 3_600_000L;
    Random random = new Random(7);
    ScalarRun[] seeds = new ScalarRun[3];
    for (int s = 0; s < seeds.length; s++) {
      seeds[s] = chart.addRun("lr 0.01, seed " + (s + 1));
      fill(seeds[s], 20_000, 0.01 * (0.6 + 0.4 * s), s, start + s * 120_000L, random);
    }
    ScalarRun fast = chart.addRun("lr 0.1");
    fill(fast, 12_000, 0.1, 3, start + 600_000L, random);
    fast.append(12_000, 12_000 / 2_000.0, start + 600_000L + 12_000 * 100L, Double.NaN);
    fast.addEvent(new RunEvent(12_000, 6, start + 600_000L + 12_000 * 100L, RunEvent.Kind.EARLY_STOP, "diverged"));
    seeds[0].addEvent(new RunEvent(10_000, 5, start + 1_000_000L, RunEvent.Kind.LEARNING_RATE_CHANGE, "lr 0.001"));
    seeds[1].addEvent(new RunEvent(7_000, 3.5, start + 120_000L + 700_000L, RunEvent.Kind.PAUSE, ""));
    seeds[1].addEvent(new RunEvent(7_000, 3.5, start + 120_000L + 900_000L, RunEvent.Kind.RESUME, ""));
    RunGroup group = chart.addGroup("lr 0.01", 5, List.of(seeds));
    group.setSpread(RunGroup.Spread.STANDARD_DEVIATION);
    for (ScalarRun seed : seeds) {
      seed.setVisible(false); // the group's band stands for them; the legend shows them again
    }

    ScalarRun live = chart.addRun("live run");
    Thread feeder =
        new Thread(
            () -> {
              Random r = new Random(11);
              long t0 = System.currentTimeMillis();
              int step = 0;
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  for (int i = 0; i < 10; i++, step++) {
                    double epoch = step / 2_000.0;
                    live.append(step, epoch, t0 + step * 100L, loss(step, 0.03, r));
                    if (step > 0 && step % 2_000 == 0) {
                      live.addEvent(RunEvent.epochEnd(step, step / 2_000, t0 + step * 100L));
                    }
                  }
                  Thread.sleep(20);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "demo-live-run");
    feeder.setDaemon(true);
    feeder.start();
    chart.setSmoothing(Smoothing.exponential(0.9));
    return new Demo(chart, feeder::interrupt);
  }

  /** A noisy decaying loss with the occasional spike. */
  private static void fill(ScalarRun run, int steps, double lr, int seed, long startMillis, Random random) {
    double[] s = new double[steps];
    double[] e = new double[steps];
    long[] w = new long[steps];
    double[] v = new double[steps];
    Random r = new Random(seed * 31L + 5);
    for (int i = 0; i < steps; i++) {
      s[i] = i;
      e[i] = i / 2_000.0;
      w[i] = startMillis + i * 100L;
      v[i] = loss(i, lr, r);
    }
    v[steps / 3] = 6.0; // one bad batch: the envelope must keep it visible
    run.appendAll(s, e, w, v);
    for (int epoch = 1; epoch * 2_000 < steps; epoch++) {
      run.addEvent(RunEvent.epochEnd(epoch * 2_000, epoch, startMillis + epoch * 2_000 * 100L));
    }
  }

  private static double loss(int step, double lr, Random r) {
    double speed = Math.min(1, lr * 30);
    double base = 0.15 + 2.2 * Math.exp(-step * speed / 3_000.0);
    return Math.max(0.01, base * (1 + 0.25 * r.nextGaussian()));
  }

  static Demo smoothing() {
    // A noisy curve and a constant one: the smoothed noisy curve follows the trend, the constant one stays exactly flat.
    ScalarChart chart = new ScalarChart("accuracy");
    ScalarRun noisy = chart.addRun("noisy accuracy");
    ScalarRun constant = chart.addRun("constant 0.1");
    Random r = new Random(2);
    for (int i = 0; i < 600; i++) {
      noisy.append(i, i / 60.0, 1_700_000_000_000L + i * 1_000L, 0.9 - 0.7 * Math.exp(-i / 120.0) + 0.06 * r.nextGaussian());
      constant.append(i, i / 60.0, 1_700_000_000_000L + i * 1_000L, 0.1);
    }
    SmoothingControl control = new SmoothingControl();
    control.smoothingProperty().bindBidirectional(chart.smoothingProperty());
    Label result = new Label();
    Runnable show =
        () -> {
          Smoothing s = control.getSmoothing();
          double[] values = {1, 2, Double.NaN, 4, 3, 5, 4, 6};
          double[] out = s.apply(values);
          StringBuilder text = new StringBuilder(s + "\n\n value   smoothed\n");
          for (int i = 0; i < values.length; i++) {
            text.append(String.format(" %5.1f   %8.5f%n", values[i], out[i]));
          }
          text.append("\nNaN passes through and does not count\nfor the start-up correction.");
          result.setText(text.toString());
        };
    control.smoothingProperty().addListener((obs, old, now) -> show.run());
    show.run();
    result.setStyle("-fx-font-family: monospace; -fx-font-size: 13px;");
    VBox side = new VBox(16, new Label("The control on its own, bound to the chart:"), control, result);
    side.setPadding(new Insets(16));
    side.setPrefWidth(420);
    BorderPane pane = new BorderPane(chart);
    pane.setLeft(side);
    return Demo.still(pane);
  }

  static final List<String> FASHION =
      List.of("T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  static Demo confusion() {
    // A plausible Fashion-MNIST confusion: shirts, T-shirts, pullovers and coats get mixed up, the rest is easy.
    int[][] confusable = {{0, 6}, {2, 4}, {2, 6}, {4, 6}, {5, 7}, {7, 9}, {0, 3}};
    Random r = new Random(3);
    long[][] counts = new long[10][10];
    for (int c = 0; c < 10; c++) {
      counts[c][c] = 850 + r.nextInt(120);
    }
    for (int[] pair : confusable) {
      counts[pair[0]][pair[1]] += 30 + r.nextInt(80);
      counts[pair[1]][pair[0]] += 20 + r.nextInt(60);
    }
    for (int i = 0; i < 25; i++) {
      counts[r.nextInt(10)][r.nextInt(10)] += 1 + r.nextInt(4);
    }
    org.layerlab.charts.confusion.ConfusionMatrixView view = new org.layerlab.charts.confusion.ConfusionMatrixView();
    view.setMatrix(new org.layerlab.charts.confusion.ConfusionMatrix(FASHION, counts));
    Label clicked = new Label("Click a cell.");
    view.setOnCellClicked(
        cell ->
            clicked.setText(
                cell.count() + " samples of " + cell.trueLabel() + " predicted as " + cell.predictedLabel()));
    BorderPane pane = new BorderPane(view);
    pane.setBottom(clicked);
    BorderPane.setMargin(clicked, new Insets(4, 8, 8, 8));
    return Demo.still(pane);
  }

  static Demo histogram() {
    org.layerlab.charts.histogram.HistogramView view = new org.layerlab.charts.histogram.HistogramView("conv2 weights");
    org.layerlab.charts.histogram.HistogramView gradients =
        new org.layerlab.charts.histogram.HistogramView("conv2 gradients");
    gradients.setMode(org.layerlab.charts.histogram.HistogramView.Mode.HEAT_MAP);
    Thread feeder =
        new Thread(
            () -> {
              Random r = new Random(5);
              try {
                for (int epoch = 0; epoch < 60 && !Thread.currentThread().isInterrupted(); epoch++) {
                  double[] weights = new double[20_000];
                  double sd = 0.05 + 0.004 * epoch;
                  double shift = 0.002 * epoch;
                  for (int i = 0; i < weights.length; i++) {
                    // a bimodal drift: part of the weights grow apart as training goes on
                    weights[i] = (i % 3 == 0 ? shift * 10 : -shift * 4) + r.nextGaussian() * sd;
                  }
                  view.add(org.layerlab.charts.histogram.HistogramSnapshot.of(epoch * 500, weights, 60));
                  double[] grads = new double[20_000];
                  double gsd = 0.02 * Math.exp(-epoch / 20.0) + 0.002;
                  for (int i = 0; i < grads.length; i++) {
                    grads[i] = r.nextGaussian() * gsd * (1 + (r.nextInt(50) == 0 ? 4 : 0));
                  }
                  gradients.add(org.layerlab.charts.histogram.HistogramSnapshot.of(epoch * 500, grads, 60));
                  Thread.sleep(epoch < 45 ? 0 : 400);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "demo-histograms");
    feeder.setDaemon(true);
    feeder.start();
    javafx.scene.control.SplitPane both = new javafx.scene.control.SplitPane(view, gradients);
    both.setOrientation(javafx.geometry.Orientation.VERTICAL);
    return new Demo(both, feeder::interrupt);
  }

  static Demo boundary() {
    org.layerlab.charts.boundary.DecisionBoundaryView view =
        new org.layerlab.charts.boundary.DecisionBoundaryView("x1", "x2");
    view.setClassNames(List.of("spiral A", "spiral B"));
    List<org.layerlab.charts.boundary.LabeledPoint> points = PlaygroundModel.spirals(150, 1);
    view.setPoints(points);
    PlaygroundModel model = new PlaygroundModel();
    view.setField(model.field(6, 60));
    Thread trainer =
        new Thread(
            () -> {
              try {
                for (int epoch = 0; epoch < 3_000 && !Thread.currentThread().isInterrupted(); epoch++) {
                  model.epoch(points, 0.03);
                  if (epoch % 5 == 0) {
                    view.setField(model.field(6, 60), epoch + 1); // from the training thread: the view redraws on its next pulse
                  }
                  Thread.sleep(2);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "demo-playground");
    trainer.setDaemon(true);
    trainer.start();
    return new Demo(view, trainer::interrupt);
  }

  static Demo samples() {
    org.layerlab.charts.samples.SampleGrid grid = new org.layerlab.charts.samples.SampleGrid(84);
    grid.setSamples(DemoData.fashionSamples(60));
    Label note = new Label("Predictions are simulated for the demo; images from Fashion-MNIST when installed.");
    BorderPane pane = new BorderPane(grid);
    pane.setBottom(note);
    BorderPane.setMargin(note, new Insets(4, 8, 8, 8));
    return Demo.still(pane);
  }

  static Demo parallel() {
    org.layerlab.charts.parallel.ParallelCoordinatesView view =
        new org.layerlab.charts.parallel.ParallelCoordinatesView(
            List.of("learning_rate", "batch_size", "dropout", "weight_decay", "hidden_units"), "val_accuracy");
    view.setLogScale("learning_rate", true);
    view.setLogScale("weight_decay", true);
    Random r = new Random(8);
    List<org.layerlab.charts.parallel.Trial> trials = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      double lr = Math.pow(10, -4 + 3 * r.nextDouble());
      double batch = new int[] {16, 32, 64, 128, 256}[r.nextInt(5)];
      double dropout = 0.6 * r.nextDouble();
      double decay = Math.pow(10, -6 + 4 * r.nextDouble());
      double hidden = new int[] {32, 64, 128, 256, 512}[r.nextInt(5)];
      // the best runs have a learning rate near 3e-3 and some dropout
      double acc =
          0.93 - 0.06 * Math.pow(Math.log10(lr) + 2.5, 2) - 0.15 * Math.pow(dropout - 0.3, 2)
              + 0.01 * Math.log(hidden / 32) / Math.log(16) - 0.01 * r.nextDouble();
      trials.add(
          new org.layerlab.charts.parallel.Trial(
              "trial " + (i + 1),
              java.util.Map.of(
                  "learning_rate", lr, "batch_size", batch, "dropout", dropout, "weight_decay", decay,
                  "hidden_units", hidden, "val_accuracy", Math.max(0.5, acc))));
    }
    view.setTrials(trials);
    view.setBrush("val_accuracy", 0.9, 1.0);
    return Demo.still(view);
  }

  static Demo schedule() {
    org.layerlab.charts.schedule.ScheduleChart chart = new org.layerlab.charts.schedule.ScheduleChart();
    long steps = 18_750; // 20 epochs of 60,000 samples at batch 64
    chart.addSchedule("step decay ×0.1 every 5 epochs", org.layerlab.charts.schedule.Schedules.stepDecay(0.1, 0.1, 4_688), steps);
    chart.addSchedule("cosine", org.layerlab.charts.schedule.Schedules.cosine(0.1, 0, steps), steps);
    chart.addSchedule(
        "warm-up 1 epoch + cosine",
        org.layerlab.charts.schedule.Schedules.warmupCosine(0.1, 1e-4, 938, steps),
        steps);
    chart.addSchedule("one-cycle", org.layerlab.charts.schedule.Schedules.oneCycle(0.1, steps), steps);
    return Demo.still(chart);
  }

  static Demo metric() {
    MetricChart chart = new MetricChart("epoch", "accuracy");
    MetricSeries train = chart.addSeries("train accuracy", 0, false);
    MetricSeries validation = chart.addSeries("validation accuracy", 0, true);
    for (int epoch = 1; epoch <= 30; epoch++) {
      train.append(epoch, 1 - 0.9 * Math.exp(-epoch / 6.0));
      validation.append(epoch, 0.97 - 0.9 * Math.exp(-epoch / 7.0) - 0.0006 * epoch * epoch / 3);
    }
    BorderPane pane = new BorderPane(chart);
    return Demo.still(pane);
  }
}
