package org.layerlab.app.training.monitor;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Keeps ChartFX's dashed-grid-line images from being made again and again.
 *
 * <p>ChartFX 11.3.1 draws dashed grid lines with an image pattern that it renders once per colour, width and dash pattern
 * ({@code DashPatternStyle}) and caches in a {@code WeakHashMap} keyed by a freshly boxed {@code Integer}. Nothing else holds that
 * key, so every garbage collection empties the cache, and the next redraw of every chart renders the patterns again with
 * {@code Node.snapshot}, which makes the JavaFX thread wait for the render thread. During training, with a collection every second or
 * so, sampling showed the FX thread in that snapshot in about 3% of a run's samples, in waits of tens to hundreds of milliseconds. This
 * class holds strong references to the cache's keys after each pulse, so each pattern is made once. Without access to the cache (a
 * later ChartFX) it does nothing. JavaFX thread.
 */
final class DashPatternPin {

  private static final Map<?, ?> CACHE = cache();
  private static final Set<Object> PINNED = Collections.newSetFromMap(new IdentityHashMap<>());
  private static final Runnable PIN = DashPatternPin::pin;

  private DashPatternPin() {}

  /** Pins the cache's keys after every pulse of the scenes {@code node} is shown in. */
  static void install(Node node) {
    if (CACHE == null) {
      return;
    }
    node.sceneProperty()
        .addListener(
            (obs, old, now) -> {
              if (old != null) {
                old.removePostLayoutPulseListener(PIN);
              }
              if (now != null) {
                now.removePostLayoutPulseListener(PIN);
                now.addPostLayoutPulseListener(PIN);
              }
            });
    Scene scene = node.getScene();
    if (scene != null) {
      scene.addPostLayoutPulseListener(PIN);
    }
  }

  /** How many patterns are pinned; for tests. */
  static int pinned() {
    return PINNED.size();
  }

  private static void pin() {
    if (CACHE.size() > PINNED.size()) { // the cache only grows while its keys are pinned
      PINNED.addAll(CACHE.keySet());
    }
  }

  private static Map<?, ?> cache() {
    try {
      Field f = Class.forName("io.fair_acc.chartfx.renderer.spi.utils.DashPatternStyle").getDeclaredField("dashHashMap");
      f.setAccessible(true);
      return f.get(null) instanceof Map<?, ?> m ? m : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // another ChartFX: nothing to pin
    }
  }
}
