package org.layerlab.runtime.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.layerlab.model.analysis.Shape;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Reads images from a folder that has one sub-folder per class: {@code pets/cat/*.png}, {@code pets/dog/*.jpg}. The classes are the
 * sub-folders in name order; hidden files and folders, and files that are not PNG, JPEG, GIF or BMP, are left out.
 *
 * <p>Images are decoded with {@link ImageIO}, which needs no display, and become (channels, height, width) samples scaled to 0..1:
 * three channels (red, green, blue) for colour, or one grey channel {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601). A grey image
 * read as colour has three equal channels. Transparency is ignored.
 *
 * <p>With a size given, every image is resized to it: an axis that shrinks averages the source pixels each target pixel covers
 * (area averaging, which does not alias), an axis that grows interpolates linearly. Without a size, every image must have the size of
 * the first.
 */
public final class ImageFolderReader {

  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".gif", ".bmp");

  private ImageFolderReader() {}

  /** The class folders under {@code folder}, in name order. */
  static List<Path> classFolders(Path folder) throws DatasetException {
    if (!Files.isDirectory(folder)) {
      throw new DatasetException(
          folder, RuntimeMessages.text("data.images.noSuchFolder"));
    }
    List<Path> classes;
    try (Stream<Path> entries = Files.list(folder)) {
      classes = entries.filter(Files::isDirectory).filter(p -> !hidden(p)).sorted().toList();
    } catch (IOException e) {
      throw new DatasetException(folder, RuntimeMessages.text("data.unlistable", String.valueOf(e.getMessage())), e);
    }
    if (classes.size() < 2) {
      throw new DatasetException(
          folder,
          classes.isEmpty()
              ? RuntimeMessages.text("data.images.noClasses")
              : RuntimeMessages.text("data.images.oneClass", String.valueOf(classes.get(0).getFileName())));
    }
    return classes;
  }

  /** The image files of one class folder, in name order; fails when it has none. */
  static List<Path> images(Path classFolder) throws DatasetException {
    List<Path> images;
    try (Stream<Path> entries = Files.list(classFolder)) {
      images = entries.filter(Files::isRegularFile).filter(p -> !hidden(p)).filter(ImageFolderReader::isImage).sorted().toList();
    } catch (IOException e) {
      throw new DatasetException(classFolder, RuntimeMessages.text("data.unlistable", String.valueOf(e.getMessage())), e);
    }
    if (images.isEmpty()) {
      throw new DatasetException(
          classFolder, RuntimeMessages.text("data.images.emptyClass", String.valueOf(classFolder.getFileName())));
    }
    return images;
  }

  /**
   * The (channels, height, width) sample shape, from the requested size or else the first image's header, without decoding pixels.
   */
  static Shape sampleShape(Path folder, int width, int height, int channels) throws DatasetException {
    List<Path> classes = classFolders(folder);
    if (width > 0) {
      return Shape.of(channels, height, width);
    }
    Path first = images(classes.get(0)).get(0);
    try (ImageInputStream in = ImageIO.createImageInputStream(first.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw notAnImage(first);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return Shape.of(channels, reader.getHeight(0), reader.getWidth(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw undecodable(first, e);
    }
  }

  /**
   * Reads every image under {@code folder}.
   *
   * @param width the width to resize to, or 0 to keep the images' size (which must then be the same for all)
   * @param height the height to resize to, or 0 with {@code width}
   * @param channels 1 for grey, 3 for colour
   */
  public static Dataset read(String name, Path folder, int width, int height, int channels) throws DatasetException {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    List<Path> classes = classFolders(folder);
    List<String> classNames = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Integer> fileClass = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      classNames.add(classes.get(c).getFileName().toString());
      for (Path image : images(classes.get(c))) {
        files.add(image);
        fileClass.add(c);
      }
    }
    int[] labels = new int[files.size()];
    float[] pixels = null;
    int w = width;
    int h = height;
    Path sizeSetter = null;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      BufferedImage image = decode(file);
      if (w == 0) {
        w = image.getWidth();
        h = image.getHeight();
        sizeSetter = file;
      } else if (width == 0 && (image.getWidth() != w || image.getHeight() != h)) {
        throw new DatasetException(
            file,
            RuntimeMessages.text(
                "data.images.mixedSizes",
                String.valueOf(image.getWidth()),
                String.valueOf(image.getHeight()),
                String.valueOf(folder.relativize(sizeSetter)),
                String.valueOf(w),
                String.valueOf(h)));
      }
      int sample = channels * w * h;
      if (pixels == null) {
        long total = (long) sample * files.size();
        if (total > Integer.MAX_VALUE - 8) {
          throw new DatasetException(
              folder, RuntimeMessages.text("data.images.tooLarge", String.valueOf(files.size()), String.valueOf(w), String.valueOf(h)));
        }
        pixels = new float[(int) total];
      }
      float[] planes = planes(image, channels);
      if (image.getWidth() != w || image.getHeight() != h) {
        planes = resize(planes, channels, image.getWidth(), image.getHeight(), w, h);
      }
      System.arraycopy(planes, 0, pixels, i * sample, sample);
      labels[i] = fileClass.get(i);
    }
    return new Dataset(name, pixels, labels, Shape.of(channels, h, w), classNames.size(), classNames);
  }

  private static BufferedImage decode(Path file) throws DatasetException {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      // Some decoders throw unchecked exceptions on damaged data.
      throw undecodable(file, e);
    }
    if (image == null) {
      throw notAnImage(file);
    }
    return image;
  }

  /**
   * The image as channel planes scaled to 0..1. Grey images are read from their raster: going through {@code getRGB} would convert
   * Java's linear grey colour space to sRGB and change every value.
   */
  static float[] planes(BufferedImage image, int channels) {
    int w = image.getWidth();
    int h = image.getHeight();
    int n = w * h;
    float[] out = new float[channels * n];
    if (isGrey(image)) {
      Raster raster = image.getRaster();
      double max = (1 << image.getColorModel().getComponentSize(0)) - 1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float v = (float) (raster.getSample(x, y, 0) / max);
          for (int c = 0; c < channels; c++) {
            out[c * n + y * w + x] = v;
          }
        }
      }
      return out;
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    for (int p = 0; p < n; p++) {
      int r = (argb[p] >> 16) & 0xFF;
      int g = (argb[p] >> 8) & 0xFF;
      int b = argb[p] & 0xFF;
      if (channels == 1) {
        out[p] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
      } else {
        out[p] = r / 255f;
        out[n + p] = g / 255f;
        out[2 * n + p] = b / 255f;
      }
    }
    return out;
  }

  private static boolean isGrey(BufferedImage image) {
    return image.getColorModel() instanceof ComponentColorModel
        && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && image.getColorModel().getComponentSize(0) <= 16;
  }

  /** Resizes channel planes, one axis after the other. */
  static float[] resize(float[] planes, int channels, int w, int h, int newW, int newH) {
    Weights across = Weights.of(w, newW);
    Weights down = Weights.of(h, newH);
    float[] wide = new float[channels * h * newW];
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < h; y++) {
        across.apply(planes, c * w * h + y * w, 1, wide, c * newW * h + y * newW, 1);
      }
    }
    float[] out = new float[channels * newH * newW];
    for (int c = 0; c < channels; c++) {
      for (int x = 0; x < newW; x++) {
        down.apply(wide, c * newW * h + x, newW, out, c * newW * newH + x, newW);
      }
    }
    return out;
  }

  /** For each target pixel of one axis: the first source pixel it reads and the weight of each source pixel from there. */
  private record Weights(int[] first, float[][] weights) {

    static Weights of(int from, int to) {
      int[] first = new int[to];
      float[][] weights = new float[to][];
      double scale = (double) from / to;
      for (int i = 0; i < to; i++) {
        if (scale >= 1) {
          // area average: source interval [i * scale, (i + 1) * scale), partly covered pixels at both ends weighted by their share
          double a = i * scale;
          double b = Math.min(from, (i + 1) * scale);
          int lo = (int) Math.floor(a);
          int hi = Math.min(from, (int) Math.ceil(b));
          float[] wt = new float[hi - lo];
          for (int j = lo; j < hi; j++) {
            wt[j - lo] = (float) ((Math.min(b, j + 1) - Math.max(a, j)) / (b - a));
          }
          first[i] = lo;
          weights[i] = wt;
        } else {
          // linear interpolation between pixel centres, clamped at the edges
          double src = Math.max(0, Math.min(from - 1, (i + 0.5) * scale - 0.5));
          int lo = (int) Math.floor(src);
          double frac = src - lo;
          if (lo + 1 < from && frac > 0) {
            first[i] = lo;
            weights[i] = new float[] {(float) (1 - frac), (float) frac};
          } else {
            first[i] = lo;
            weights[i] = new float[] {1f};
          }
        }
      }
      return new Weights(first, weights);
    }

    void apply(float[] src, int srcBase, int srcStep, float[] dst, int dstBase, int dstStep) {
      for (int i = 0; i < first.length; i++) {
        float sum = 0;
        float[] wt = weights[i];
        int at = srcBase + first[i] * srcStep;
        for (int k = 0; k < wt.length; k++) {
          sum += wt[k] * src[at + k * srcStep];
        }
        dst[dstBase + i * dstStep] = sum;
      }
    }
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String e : EXTENSIONS) {
      if (n.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hidden(Path p) {
    return p.getFileName().toString().startsWith(".");
  }

  private static DatasetException notAnImage(Path file) {
    return new DatasetException(
        file, RuntimeMessages.text("data.images.notAnImage"));
  }

  private static DatasetException undecodable(Path file, Exception e) {
    return new DatasetException(
        file, RuntimeMessages.text("data.images.undecodable", String.valueOf(e.getMessage())), e);
  }
}
