package org.layerlab.charts.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * Saves what a chart component shows as a PNG file. It goes through {@code java.desktop}'s ImageIO rather than javafx-swing, so the
 * module needs no Swing bridge.
 *
 * <p>A ChartFX chart redraws its canvas after layout in a pulse, and {@code snapshot} does not run that step: export a chart that
 * has been shown for at least one pulse since its last change (as any chart a user sees).
 */
public final class ChartExport {

  private ChartExport() {}

  /** Snapshots the node on a white background and writes it as PNG. JavaFX thread. */
  public static void writePng(Node node, Path file) throws IOException {
    Objects.requireNonNull(node, "node");
    SnapshotParameters params = new SnapshotParameters();
    params.setFill(Color.WHITE);
    writePng(node.snapshot(params, null), file);
  }

  /** Writes an image as PNG. Any thread, as long as the image no longer changes. */
  public static void writePng(Image image, Path file) throws IOException {
    BufferedImage out = toBufferedImage(image);
    if (!ImageIO.write(out, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }

  /** Copies a JavaFX image into an ARGB AWT image. */
  public static BufferedImage toBufferedImage(Image image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    PixelReader reader = image.getPixelReader();
    reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    return out;
  }
}
