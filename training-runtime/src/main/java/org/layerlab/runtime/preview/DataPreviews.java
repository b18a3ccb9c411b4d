package org.layerlab.runtime.preview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.DatasetException;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.LoadedData;

/**
 * Makes the {@link DataPreview} of a dataset. The data is read with {@link DatasetLoader}, the way a run reads it, so a file that a
 * run could not read fails here with the same message; its options (test share, normalisation, augmentation) are left out, since the
 * preview shows the samples as read and {@link SplitCounts} works out the splits.
 */
public final class DataPreviews {

  /** At most this many images in a preview. */
  public static final int MAX_IMAGES = 40;

  /** At most this many images of one class. */
  public static final int MAX_IMAGES_PER_CLASS = 4;

  /** At most this many points in a scatter plot; a bigger set is thinned evenly. */
  public static final int MAX_POINTS = 3000;

  /** At most this many table rows. */
  public static final int MAX_ROWS = 50;

  /** At most this many sequences of one class. */
  public static final int SEQUENCES_PER_CLASS = 3;

  private DataPreviews() {}

  /**
   * Reads {@code ref} and previews it.
   *
   * @param projectDir the folder relative dataset paths start from
   * @param validationFraction the validation share the samples are checked against (each class needs two samples to split)
   * @throws DatasetException with the data loader's message naming the file, line or record and the fix
   * @throws java.util.concurrent.CancellationException when {@code progress} was cancelled
   */
  public static DataPreview load(DatasetRef ref, Path projectDir, double validationFraction, Progress progress)
      throws DatasetException {
    progress.report(-1, "load");
    LoadedData data =
        DatasetLoader.load(
            ref.withOptions(DatasetRef.Options.NONE),
            projectDir,
            TrainingSettings.defaults().withValidationFraction(validationFraction));
    progress.checkCancelled();
    progress.report(0.8, "summarise");
    DataPreview preview = of(ref, projectDir, data);
    progress.report(1, "summarise");
    return preview;
  }

  /** The preview of data already loaded without a test share; {@code ref} says where a CSV file's rows are. */
  static DataPreview of(DatasetRef ref, Path projectDir, LoadedData data) throws DatasetException {
    Dataset train = data.train();
    Dataset validation = data.validation();
    boolean regression = train.isRegression();
    int[] counts = groupCounts(train);
    int[] more = groupCounts(validation);
    for (int i = 0; i < counts.length; i++) {
      counts[i] += more[i];
    }
    int[] ownTest = data.test().map(DataPreviews::groupCounts).orElse(null);
    List<String> groups = regression ? List.of(String.join(", ", train.targetNames())) : train.classNames();
    Shape shape = train.sampleShape();
    List<Dataset> parts = List.of(train, validation);
    List<DataPreview.ImageSample> images = List.of();
    CsvHead table = null;
    List<DataPreview.Point> points = List.of();
    List<DataPreview.Sequence> sequences = List.of();
    DataPreview.Kind kind;
    if (ref instanceof DatasetRef.Csv csv) {
      kind = DataPreview.Kind.TABLE;
      table = CsvHead.read(projectDir.resolve(csv.path()).normalize(), csv.delimiter(), MAX_ROWS);
    } else if (shape.rank() == 3) {
      kind = DataPreview.Kind.IMAGES;
      images = images(parts, regression ? 1 : train.classes());
    } else if (shape.rank() == 1 && shape.dim(0) == 2 && !regression) {
      kind = DataPreview.Kind.POINTS;
      points = points(parts, false);
    } else if (shape.rank() == 1 && shape.dim(0) == 1 && regression) {
      kind = DataPreview.Kind.CURVE;
      points = points(parts, true);
    } else if (shape.rank() == 2) {
      kind = DataPreview.Kind.SEQUENCES;
      sequences = sequences(parts, regression ? 1 : train.classes());
    } else {
      kind = DataPreview.Kind.VECTORS;
      table = vectors(parts);
    }
    return new DataPreview(kind, train.signature(), groups, regression, counts, ownTest, images, table, points, sequences, data.source());
  }

  private static int[] groupCounts(Dataset d) {
    return d.isRegression() ? new int[] {d.size()} : d.classCounts();
  }

  private static int group(Dataset d, int i) {
    return d.isRegression() ? 0 : d.label(i);
  }

  private static List<DataPreview.ImageSample> images(List<Dataset> parts, int groups) {
    int perClass = Math.max(1, Math.min(MAX_IMAGES_PER_CLASS, MAX_IMAGES / Math.max(1, groups)));
    int[] taken = new int[groups];
    List<List<DataPreview.ImageSample>> byClass = new ArrayList<>();
    for (int c = 0; c < groups; c++) {
      byClass.add(new ArrayList<>());
    }
    for (Dataset d : parts) {
      Shape s = d.sampleShape();
      for (int i = 0; i < d.size(); i++) {
        int c = group(d, i);
        if (taken[c] < perClass) {
          float[] pixels = new float[d.sampleSize()];
          for (int o = 0; o < pixels.length; o++) {
            pixels[o] = d.feature(i, o);
          }
          byClass.get(c).add(new DataPreview.ImageSample(s.dim(0), s.dim(1), s.dim(2), pixels, c));
          taken[c]++;
        }
      }
    }
    List<DataPreview.ImageSample> out = new ArrayList<>();
    byClass.forEach(out::addAll);
    return out.size() > MAX_IMAGES ? out.subList(0, MAX_IMAGES) : out;
  }

  private static List<DataPreview.Point> points(List<Dataset> parts, boolean curve) {
    int total = parts.stream().mapToInt(Dataset::size).sum();
    double every = Math.max(1.0, (double) total / MAX_POINTS);
    List<DataPreview.Point> out = new ArrayList<>();
    double next = 0;
    int index = 0;
    for (Dataset d : parts) {
      for (int i = 0; i < d.size(); i++, index++) {
        if (index + 1e-9 < next) {
          continue;
        }
        next += every;
        out.add(
            curve
                ? new DataPreview.Point(d.feature(i, 0), d.target(i, 0), 0)
                : new DataPreview.Point(d.feature(i, 0), d.feature(i, 1), d.label(i)));
      }
    }
    return out;
  }

  private static List<DataPreview.Sequence> sequences(List<Dataset> parts, int groups) {
    int[] taken = new int[groups];
    List<DataPreview.Sequence> out = new ArrayList<>();
    for (Dataset d : parts) {
      int steps = d.sampleShape().dim(0);
      int features = d.sampleShape().dim(1);
      for (int i = 0; i < d.size(); i++) {
        int c = group(d, i);
        if (taken[c] < SEQUENCES_PER_CLASS) {
          float[] v = new float[steps];
          for (int t = 0; t < steps; t++) {
            v[t] = d.feature(i, t * features);
          }
          out.add(new DataPreview.Sequence(v, c));
          taken[c]++;
        }
      }
    }
    return out;
  }

  private static CsvHead vectors(List<Dataset> parts) {
    Dataset first = parts.get(0);
    int shown = Math.min(first.sampleSize(), 20);
    List<String> columns = new ArrayList<>();
    for (int o = 0; o < shown; o++) {
      columns.add("x" + (o + 1));
    }
    columns.add(first.isRegression() ? String.join(", ", first.targetNames()) : "class");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < first.size() && rows.size() < MAX_ROWS; i++) {
      List<String> row = new ArrayList<>();
      for (int o = 0; o < shown; o++) {
        row.add(Float.toString(first.feature(i, o)));
      }
      row.add(first.isRegression() ? Float.toString(first.target(i, 0)) : first.classNames().get(first.label(i)));
      rows.add(row);
    }
    return new CsvHead(columns, rows, ',');
  }
}
