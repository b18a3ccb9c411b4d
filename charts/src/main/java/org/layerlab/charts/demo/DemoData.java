package org.layerlab.charts.demo;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.layerlab.charts.samples.Sample;

/** Sample images for the demo: Fashion-MNIST's test set when the Debian package is installed, generated shapes otherwise. */
final class DemoData {

  static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

  private DemoData() {}

  /** n samples with simulated predictions: about one in five wrong, mostly between classes that look alike. */
  static List<Sample> fashionSamples(int n) {
    Random r = new Random(12);
    List<double[]> images;
    int[] labels;
    try {
      images = readImages(FASHION.resolve("t10k-images-idx3-ubyte.gz"), n);
      labels = readLabels(FASHION.resolve("t10k-labels-idx1-ubyte.gz"), n);
    } catch (IOException e) {
      images = new ArrayList<>();
      labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = r.nextInt(10);
        images.add(blob(labels[i], r));
      }
    }
    int[] lookAlike = {6, 1, 4, 0, 2, 7, 0, 9, 2, 7};
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int truth = labels[i];
      boolean wrong = r.nextDouble() < 0.2;
      int predicted = wrong ? lookAlike[truth] : truth;
      double confidence = wrong ? 0.4 + 0.3 * r.nextDouble() : 0.8 + 0.2 * r.nextDouble();
      // Fashion-MNIST stores ink as high values on black; show it dark on light, as a picture of clothing reads best
      double[] pixels = images.get(i).clone();
      for (int p = 0; p < pixels.length; p++) {
        pixels[p] = 1 - pixels[p];
      }
      out.add(Sample.grayscale(28, 28, pixels, Demos.FASHION.get(truth), Demos.FASHION.get(predicted), confidence));
    }
    return out;
  }

  private static List<double[]> readImages(Path file, int n) throws IOException {
    try (DataInputStream in = open(file)) {
      if (in.readInt() != 2051) {
        throw new IOException("not an IDX image file: " + file);
      }
      int count = in.readInt();
      int rows = in.readInt();
      int columns = in.readInt();
      List<double[]> out = new ArrayList<>();
      for (int i = 0; i < Math.min(n, count); i++) {
        double[] pixels = new double[rows * columns];
        for (int p = 0; p < pixels.length; p++) {
          pixels[p] = in.readUnsignedByte() / 255.0;
        }
        out.add(pixels);
      }
      return out;
    }
  }

  private static int[] readLabels(Path file, int n) throws IOException {
    try (DataInputStream in = open(file)) {
      if (in.readInt() != 2049) {
        throw new IOException("not an IDX label file: " + file);
      }
      int count = in.readInt();
      int[] out = new int[Math.min(n, count)];
      for (int i = 0; i < out.length; i++) {
        out[i] = in.readUnsignedByte();
      }
      return out;
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    return new DataInputStream(new GZIPInputStream(raw));
  }

  /** A soft blob whose position depends on the class, for machines without the dataset. */
  private static double[] blob(int label, Random r) {
    double[] pixels = new double[28 * 28];
    double cx = 6 + (label % 5) * 4 + r.nextGaussian();
    double cy = 8 + (label / 5) * 10 + r.nextGaussian();
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        pixels[y * 28 + x] = Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 18.0);
      }
    }
    return pixels;
  }
}
