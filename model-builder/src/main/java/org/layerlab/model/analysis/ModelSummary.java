package org.layerlab.model.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerlab.model.ModelSpec;

/**
 * A Keras-style summary of a model as text: one row per layer with its name and type, output shape, parameters, multiply-accumulates
 * and the layers it reads, then the totals, the activation memory and any problems.
 *
 * <pre>
 * Model: "cnn"
 * ______________________________________________________________________
 *  Layer (type)        Output shape       Param #       MACs  Connected to
 * ======================================================================
 *  input (Input)       (N, 3, 32, 32)           0          0
 *  conv1 (Conv2D)      (N, 32, 30, 30)        896    777,600  input
 * </pre>
 *
 * <p>Numbers use a comma for thousands whatever the locale, so the text reads the same in every log.
 */
public final class ModelSummary {

  /** One row of the table, as the GUI may show it in a table of its own. */
  public record Row(String layer, String type, String outputShape, long parameters, long macs, List<String> connectedTo) {
    public Row {
      connectedTo = List.copyOf(connectedTo);
    }
  }

  private static final String[] HEADERS = {"Layer (type)", "Output shape", "Param #", "MACs", "Connected to"};

  private ModelSummary() {}

  /** The summary of {@code spec}, analysed on its own. */
  public static String text(ModelSpec spec, String name) {
    return text(ModelAnalyzer.analyze(spec), name);
  }

  /** The rows of the table, one per layer in list order; the output shape is "?" where it cannot be computed. */
  public static List<Row> rows(ModelAnalysis analysis) {
    List<Row> rows = new ArrayList<>();
    for (LayerReport r : analysis.layers()) {
      rows.add(
          new Row(
              r.layer().id(),
              r.layer().type().jsonName(),
              r.outputShape() == null ? "?" : r.outputShape().toString(),
              r.parameters(),
              r.macs(),
              r.inputIds().stream().map(id -> id.isEmpty() ? "(nothing)" : id).toList()));
    }
    return rows;
  }

  /** The summary of an analysis, titled {@code Model: "name"}. */
  public static String text(ModelAnalysis analysis, String name) {
    List<String[]> cells = new ArrayList<>();
    for (Row row : rows(analysis)) {
      cells.add(
          new String[] {
            row.layer() + " (" + row.type() + ")", row.outputShape(), number(row.parameters()), number(row.macs()), String.join(", ", row.connectedTo())
          });
    }
    int[] width = new int[HEADERS.length];
    for (int c = 0; c < HEADERS.length; c++) {
      width[c] = HEADERS[c].length();
      for (String[] row : cells) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    String header = line(HEADERS, width);
    int rule = header.length();
    StringBuilder out = new StringBuilder();
    out.append("Model: \"").append(name).append("\"\n");
    out.append("_".repeat(rule)).append('\n');
    out.append(header).append('\n');
    out.append("=".repeat(rule)).append('\n');
    for (String[] row : cells) {
      out.append(line(row, width)).append('\n');
    }
    out.append("=".repeat(rule)).append('\n');
    out.append("Total params: ").append(countWithSize(analysis.totalParameters())).append('\n');
    out.append("Trainable params: ").append(countWithSize(analysis.trainableParameters())).append('\n');
    out.append("Non-trainable params: ").append(countWithSize(analysis.nonTrainableParameters())).append('\n');
    out.append("Multiply-accumulates: ").append(number(analysis.totalMacs())).append(" per sample\n");
    out.append("Activation memory: ")
        .append(bytes(analysis.activationBytes()))
        .append(" per sample (float32; input ")
        .append(bytes(analysis.inputBytes()))
        .append(")\n");
    out.append("_".repeat(rule)).append('\n');
    List<Problem> problems = analysis.problems();
    if (!problems.isEmpty()) {
      out.append("Problems:\n");
      problems.forEach(p -> out.append("  ").append(p).append('\n'));
    }
    return out.toString();
  }

  /** A row: text columns padded on the right, number columns (Param #, MACs) on the left; the last column is not padded. */
  private static String line(String[] cells, int[] width) {
    StringBuilder s = new StringBuilder(" ");
    for (int c = 0; c < cells.length; c++) {
      boolean numeric = c == 2 || c == 3;
      boolean last = c == cells.length - 1;
      String cell = numeric ? " ".repeat(width[c] - cells[c].length()) + cells[c] : cells[c];
      s.append(last ? cell : pad(cell, width[c]));
      if (!last) {
        s.append("  ");
      }
    }
    return s.toString().stripTrailing();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String countWithSize(long params) {
    return number(params) + " (" + bytes(params * LayerReport.BYTES_PER_VALUE) + ")";
  }

  /** Bytes in binary units: 478.79 KiB. The window's summary writes sizes this way too. */
  public static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = b;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
  }
}
