package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;

/** Small helpers for driving JavaFX from a test thread. */
public final class Fx {

  private static final long TIMEOUT_SECONDS = 10;

  private Fx() {}

  /** Runs the action on the JavaFX thread, waits for it and rethrows what it threw. */
  public static <T> T call(Callable<T> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(action.call());
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    try {
      return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Runs the action on the JavaFX thread and waits for it. */
  public static void run(Runnable action) throws Exception {
    call(
        () -> {
          action.run();
          return null;
        });
  }

  /**
   * Waits until the scene has gone through two complete pulses (CSS, layout and the post-layout listeners, where ChartFX redraws
   * its canvas). Anything queued on the JavaFX thread before this call, such as ChartFX's forwarding of data-set changes, has run
   * before the first of them.
   */
  public static void awaitPulses(Scene scene) throws Exception {
    for (int i = 0; i < 2; i++) {
      CountDownLatch pulsed = new CountDownLatch(1);
      run(
          () -> {
            Runnable[] listener = new Runnable[1];
            listener[0] =
                () -> {
                  // Removing a listener while the scene iterates over them is not safe; do it after the pulse.
                  Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
                  pulsed.countDown();
                };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
          });
      assertTrue(pulsed.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "no pulse within " + TIMEOUT_SECONDS + " s");
    }
  }

  /** The node's bounds in scene coordinates, which are the pixel coordinates of a scene snapshot. JavaFX thread. */
  public static Bounds sceneBounds(Node node) {
    return node.localToScene(node.getBoundsInLocal());
  }

  /**
   * Counts the mostly opaque pixels inside the bounds whose red, green and blue each lie within the tolerance of the colour's.
   */
  public static int countPixels(Image image, Bounds bounds, Color color, double tolerance) {
    PixelReader pixels = image.getPixelReader();
    int x0 = Math.max(0, (int) Math.ceil(bounds.getMinX()));
    int y0 = Math.max(0, (int) Math.ceil(bounds.getMinY()));
    int x1 = Math.min((int) image.getWidth(), (int) Math.floor(bounds.getMaxX()));
    int y1 = Math.min((int) image.getHeight(), (int) Math.floor(bounds.getMaxY()));
    int count = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        Color c = pixels.getColor(x, y);
        if (c.getOpacity() >= 0.5
            && Math.abs(c.getRed() - color.getRed()) <= tolerance
            && Math.abs(c.getGreen() - color.getGreen()) <= tolerance
            && Math.abs(c.getBlue() - color.getBlue()) <= tolerance) {
          count++;
        }
      }
    }
    return count;
  }
}
