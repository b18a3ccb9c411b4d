package org.layerlab.charts.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DecisionBoundaryViewTest {

  private DecisionBoundaryView view;
  private Scene scene;

  @Start
  void start(Stage stage) {
    ChartTexts.setLocale(Locale.ENGLISH); // the tests below read the English texts
    view = new DecisionBoundaryView("x1", "x2");
    scene = new Scene(view, 700, 600);
    stage.setScene(scene);
    stage.show();
  }

  /** Class 0 left of x = split, class 1 right of it, with 95% confidence. */
  private static DecisionField split(double at, boolean swapped) {
    return DecisionField.sample(
        -1, 1, -1, 1, 40, 40, 2,
        (x, y) -> {
          boolean left = x < at;
          double p0 = (left ^ swapped) ? 0.95 : 0.05;
          return new double[] {p0, 1 - p0};
        });
  }

  @Test
  void aFieldSetOnAWorkerThreadColoursEachSideByItsClassAndANewOneRedraws() throws Exception {
    Thread worker = new Thread(() -> view.setField(split(0, false)));
    worker.start();
    worker.join(5_000);
    Fx.awaitPulses(scene);

    Color left = DecisionBoundaryView.cellColor(split(0, false), 5, 20);
    Color right = DecisionBoundaryView.cellColor(split(0, false), 35, 20);
    assertTrue(left.getBlue() > left.getRed(), "class 0 is blue: " + left);
    assertTrue(right.getRed() > right.getBlue(), "class 1 is vermillion: " + right);
    assertColour(left, pixelAt(-0.55, 0.33));
    assertColour(right, pixelAt(0.55, 0.33));

    long drawnBefore = Fx.call(view::fieldsDrawn);
    Thread second = new Thread(() -> view.setField(split(0, true)));
    second.start();
    second.join(5_000);
    awaitDrawnAfter(drawnBefore);
    assertColour(right, pixelAt(-0.55, 0.33));
    assertColour(left, pixelAt(0.55, 0.33));
  }

  @Test
  void pointsAreDrawnOnTopAndThoseOnTheWrongSideAreCounted() throws Exception {
    view.setField(split(0, false));
    view.setPoints(
        List.of(
            new LabeledPoint(-0.5, -0.5, 0), new LabeledPoint(0.5, -0.5, 1), new LabeledPoint(0.6, 0.6, 0)));
    Fx.awaitPulses(scene);

    assertEquals(1, view.misclassifiedPoints());
    assertColour(DecisionBoundaryView.classColor(0), pixelAt(-0.5, -0.5));
    assertColour(DecisionBoundaryView.classColor(1), pixelAt(0.5, -0.5));
    assertEquals("3 points, 1 on the wrong side (black rim)", status(), "a field from no epoch names none");
  }

  @Test
  void theStatusNamesTheEpochOfTheFieldShownNotHowManyFieldsCame() throws Exception {
    view.setPoints(List.of(new LabeledPoint(-0.5, -0.5, 0), new LabeledPoint(0.5, -0.5, 0)));
    for (int epoch = 38; epoch <= 40; epoch++) {
      view.setField(split(0, false), epoch);
    }
    Fx.awaitPulses(scene);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status().endsWith("after epoch 40"));

    assertEquals("2 points, 1 on the wrong side (black rim) \u00b7 after epoch 40", status());
    assertEquals(40, view.getEpoch());

    view.setField(split(0, false), 3);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status().endsWith("after epoch 3"));
    assertTrue(status().endsWith("after epoch 3"), "the epoch of the field, though four came: " + status());
  }

  @Test
  void aNegativeEpochIsRefusedWithTheReason() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> view.setField(split(0, false), -2));
    assertTrue(e.getMessage().contains("-2") && e.getMessage().contains("epoch"), e.getMessage());
  }

  private String status() throws Exception {
    return Fx.call(() -> ((javafx.scene.control.Label) view.lookup("#" + DecisionBoundaryView.STATUS_ID)).getText());
  }

  @Test
  void fieldsArrivingFasterThanPulsesAreDrawnAtMostOncePerPulse() throws Exception {
    Fx.awaitPulses(scene);
    long before = Fx.call(view::fieldsDrawn);
    Thread worker =
        new Thread(
            () -> {
              for (int i = 0; i < 200; i++) {
                view.setField(split(-0.9 + i * 0.009, false));
              }
            });
    worker.start();
    worker.join(10_000);
    Fx.awaitPulses(scene);

    long drawn = Fx.call(view::fieldsDrawn) - before;
    assertTrue(drawn >= 1 && drawn < 200, "fields drawn: " + drawn);
    assertEquals(split(-0.9 + 199 * 0.009, false), view.getField(), "the latest field is the one shown");
  }

  @Test
  void fieldsArrivingEveryFewMillisecondsAreDrawnAtMostTenTimesASecondAndTheLastOneIsShown() throws Exception {
    Fx.awaitPulses(scene);
    long before = Fx.call(view::fieldsDrawn);
    long started = System.nanoTime();
    for (int i = 0; i < 60; i++) {
      view.setField(split(-0.9 + i * 0.03, false));
      Thread.sleep(5);
    }
    long drawnBefore = Fx.call(view::fieldsDrawn);
    awaitDrawnAfter(drawnBefore - 1);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Fx.call(() -> view.fieldsDrawn()) > 0 && lastDrawnIsLatest());
    double seconds = (System.nanoTime() - started) / 1e9;
    long drawn = Fx.call(view::fieldsDrawn) - before;
    // one at the start of each tenth of a second at most, plus the last one
    assertTrue(drawn <= Math.ceil(seconds * DecisionBoundaryView.REDRAWS_PER_SECOND) + 1, drawn + " fields drawn in " + seconds + " s");
    assertTrue(drawn >= 2, "drawn while they came, not only at the end: " + drawn);
    Color expected = DecisionBoundaryView.cellColor(split(-0.9 + 59 * 0.03, false), 39, 20);
    assertColour(expected, pixelAt(0.95, 0.33));
  }

  private boolean lastDrawnIsLatest() throws Exception {
    long drawn = Fx.call(view::fieldsDrawn);
    Fx.awaitPulses(scene);
    Thread.sleep(150);
    Fx.awaitPulses(scene);
    return Fx.call(view::fieldsDrawn) == drawn;
  }

  /** Waits until the view has drawn a field after {@code drawnBefore} fields, and for the frame to be on screen. */
  private void awaitDrawnAfter(long drawnBefore) throws Exception {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Fx.call(view::fieldsDrawn) > drawnBefore);
    Fx.awaitPulses(scene);
  }

  @Test
  void aPointsMarkerIsADiscInItsColourWithARimAndClearCorners() {
    Color fill = DecisionBoundaryView.classColor(1);
    int n = DecisionBoundaryView.MARKER_SIZE;
    int[] px = DecisionBoundaryView.markerPixels(fill, Color.BLACK, 2);
    int centre = px[(n / 2) * n + n / 2];
    assertEquals(255, centre >>> 24, "the centre is opaque");
    assertColour(fill, Color.rgb(centre >> 16 & 0xff, centre >> 8 & 0xff, centre & 0xff));
    assertEquals(0, px[0] >>> 24, "the corners are clear");
    // straight right of the centre, at the disc's radius: the rim
    int rim = px[(n / 2) * n + n / 2 + (int) DecisionBoundaryView.POINT_RADIUS];
    assertTrue((rim >>> 24) > 200 && (rim >> 16 & 0xff) < 40, Integer.toHexString(rim));
  }

  private Color pixelAt(double x, double y) throws Exception {
    return Fx.call(
        () -> {
          WritableImage image = scene.snapshot(null);
          Bounds canvas = Fx.sceneBounds(view.chart().getCanvas());
          double px = canvas.getMinX() + view.chart().getXAxis().getDisplayPosition(x);
          double py = canvas.getMinY() + view.chart().getYAxis().getDisplayPosition(y);
          return image.getPixelReader().getColor((int) px, (int) py);
        });
  }

  private static void assertColour(Color expected, Color actual) {
    assertEquals(expected.getRed(), actual.getRed(), 0.04, "red of " + actual);
    assertEquals(expected.getGreen(), actual.getGreen(), 0.04, "green of " + actual);
    assertEquals(expected.getBlue(), actual.getBlue(), 0.04, "blue of " + actual);
  }

  @Test
  void theStatusIsWrittenInTheLanguageOfTheTimeItIsComputed() throws Exception {
    Fx.run(() -> ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE));
    try {
      view.setField(split(0, false), 7);
      view.setPoints(List.of(new LabeledPoint(-0.5, -0.5, 0), new LabeledPoint(0.5, -0.5, 0)));
      Fx.awaitPulses(scene);
      WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status().endsWith("第 7 轮训练后"));
      assertTrue(status().startsWith("2 个点，1 个落在错误一侧（黑边）"), status());
    } finally {
      Fx.run(() -> ChartTexts.setLocale(Locale.ENGLISH));
    }
  }
}
