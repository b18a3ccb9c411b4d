package org.layerlab.runtime.train;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.layerlab.model.analysis.Shape;

/**
 * Reads one sample for prediction from a file, in the form the training data had: an image as channels × height × width values from
 * 0 to 1 (pixel / 255, as the IDX reader makes them), or a row of numbers from a CSV file.
 */
public final class SampleFiles {

  private SampleFiles() {}

  /** Whether {@code file} names an image the JDK reads (PNG, JPEG, GIF, BMP), by its extension. */
  public static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".gif") || name.endsWith(".bmp");
  }

  /**
   * An image scaled (bilinear) to the shape's height and width, as grey luminance for one channel or RGB for three.
   *
   * @param shape (channels, height, width) with 1 or 3 channels
   * @param invert 1 - value: for dark drawings on a light background given to a model trained on light on dark, as Fashion-MNIST
   */
  public static float[] readImage(Path file, Shape shape, boolean invert) throws IOException {
    if (shape.rank() != 3 || (shape.dim(0) != 1 && shape.dim(0) != 3)) {
      throw new IOException("the model takes samples of " + shape + ", not images: give a CSV row of " + shape.elements() + " numbers");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (javax.imageio.IIOException e) {
      throw new IOException(file + " cannot be read as an image: " + e.getMessage(), e);
    }
    if (image == null) {
      if (!Files.exists(file)) {
        throw new NoSuchFileException(file.toString(), null, "no such file");
      }
      throw new IOException(file + " is not an image this Java reads: use PNG, JPEG, GIF or BMP");
    }
    int channels = shape.dim(0);
    int height = shape.dim(1);
    int width = shape.dim(2);
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    float[] out = new float[channels * height * width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = scaled.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int gr = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int at = y * width + x;
        if (channels == 1) {
          // grey images come back with r = g = b, so this keeps their bytes exactly
          out[at] = value((float) (0.299 * r + 0.587 * gr + 0.114 * b), invert);
        } else {
          out[at] = value(r, invert);
          out[height * width + at] = value(gr, invert);
          out[2 * height * width + at] = value(b, invert);
        }
      }
    }
    return out;
  }

  private static float value(float byteValue, boolean invert) {
    float v = Math.round(byteValue) / 255f;
    return invert ? 1 - v : v;
  }

  /**
   * Row {@code row} (from 1, not counting a header line) of a CSV file of numbers, separated by commas, semicolons or blanks. A
   * first line that is not all numbers is taken as a header.
   */
  public static float[] readCsvRow(Path file, int row, Shape shape) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> data = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || (i == 0 && !numeric(line))) {
        continue;
      }
      data.add(line);
    }
    if (row < 1 || row > data.size()) {
      throw new IOException(file + " has " + data.size() + " rows of numbers; row " + row + " does not exist");
    }
    String[] cells = data.get(row - 1).split("[,;\\s]+");
    long want = shape.elements();
    if (cells.length != want) {
      String hint = cells.length == want + 1 ? " (one too many: remove the label column)" : "";
      throw new IOException(
          file + " row " + row + " has " + cells.length + " numbers but the model takes " + want + " for a sample of " + shape + hint);
    }
    float[] out = new float[cells.length];
    for (int i = 0; i < cells.length; i++) {
      try {
        out[i] = Float.parseFloat(cells[i]);
      } catch (NumberFormatException e) {
        throw new IOException(file + " row " + row + " column " + (i + 1) + " is not a number: '" + cells[i] + "'", e);
      }
    }
    return out;
  }

  private static boolean numeric(String line) {
    for (String cell : line.split("[,;\\s]+")) {
      try {
        Float.parseFloat(cell);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }
}
