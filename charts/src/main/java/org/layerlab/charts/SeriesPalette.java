package org.layerlab.charts;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * The colours of metric curves: the eight-colour palette of Okabe and Ito, which stays distinguishable for the common forms of
 * colour blindness (M. Okabe and K. Ito, "Color Universal Design", 2008). The app can use it to colour whatever stands for a
 * series elsewhere, such as a swatch next to a run's name.
 *
 * <p>The order puts the colours with the most contrast on a white plot first; yellow, the weakest on white, comes last.
 */
public final class SeriesPalette {

  private static final List<String> HEX =
      List.of(
          "#0072B2", // blue
          "#D55E00", // vermillion
          "#009E73", // bluish green
          "#CC79A7", // reddish purple
          "#E69F00", // orange
          "#56B4E9", // sky blue
          "#000000", // black
          "#F0E442"); // yellow

  private static final List<Color> COLORS = HEX.stream().map(Color::web).toList();

  private SeriesPalette() {}

  /** Number of distinct colours; indices wrap around after it. */
  public static int size() {
    return HEX.size();
  }

  /** The colour for an index; any int is accepted and wraps around the palette, negative ones too. */
  public static Color color(int index) {
    return COLORS.get(Math.floorMod(index, COLORS.size()));
  }

  /** The colour for an index as a CSS hex string such as {@code #0072B2}. */
  public static String hex(int index) {
    return HEX.get(Math.floorMod(index, HEX.size()));
  }
}
