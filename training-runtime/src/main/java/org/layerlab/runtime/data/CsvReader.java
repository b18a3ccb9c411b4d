package org.layerlab.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Reads a table from a CSV file (UTF-8) whose first line names the columns. Each further line is a sample.
 *
 * <p>Cells are separated by the dataset's delimiter; a cell in double quotes may hold the delimiter, line breaks and doubled quotes
 * ({@code ""}), as RFC 4180 has it. Spaces around an unquoted cell are ignored, and blank lines are skipped.
 *
 * <p>Features: each numeric column gives one feature; each categorical column gives one 0/1 feature per category it holds (one-hot,
 * categories in text order). A sample's shape is (features). The target of a classification holds class names; the classes are the
 * distinct names in order (numeric order when every name is a number). The targets of a regression hold numbers.
 *
 * <p>Nothing is guessed: an empty cell, a cell that is not a number in a numeric column, or a line with too few or too many cells is
 * an error that names the file, the line and the column.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180: Common Format and MIME Type for CSV Files</a>
 */
public final class CsvReader {

  private CsvReader() {}

  /** Reads the table {@code ref} describes from {@code file}. */
  public static Dataset read(Path file, DatasetRef.Csv ref) throws DatasetException {
    try (BufferedReader raw = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file, new Records(raw, ref.delimiter()), ref);
    } catch (NoSuchFileException e) {
      throw new DatasetException(file, RuntimeMessages.text("data.csv.noSuchFile"));
    } catch (CharacterCodingException e) {
      throw new DatasetException(file, RuntimeMessages.text("data.notUtf8"), e);
    } catch (IOException e) {
      throw new DatasetException(file, RuntimeMessages.text("data.unreadable", String.valueOf(e)), e);
    }
  }

  private static Dataset read(Path file, Records records, DatasetRef.Csv ref) throws IOException, DatasetException {
    List<String> header = records.next(file);
    if (header == null) {
      throw new DatasetException(file, RuntimeMessages.text("data.csv.empty"));
    }
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isEmpty()) {
        throw new DatasetException(file, RuntimeMessages.text("data.csv.unnamedColumn", String.valueOf(i + 1)));
      }
      Integer before = column.put(name, i);
      if (before != null) {
        throw new DatasetException(
            file, RuntimeMessages.text("data.csv.duplicateColumn", name, String.valueOf(before + 1), String.valueOf(i + 1)));
      }
    }
    for (String target : ref.targets()) {
      requireColumn(file, column, header, target, "target");
    }
    List<String> featureNames = new ArrayList<>(ref.features());
    if (featureNames.isEmpty()) {
      for (String h : header) {
        if (!ref.targets().contains(h)) {
          featureNames.add(h);
        }
      }
    }
    for (String f : featureNames) {
      requireColumn(file, column, header, f, "features");
    }
    for (String c : ref.categorical()) {
      requireColumn(file, column, header, c, "categorical");
    }
    if (featureNames.isEmpty()) {
      throw new DatasetException(file, RuntimeMessages.text("data.csv.noFeatures"));
    }
    boolean classification = ref.task() == DatasetRef.Task.CLASSIFICATION;

    // One pass: numbers are parsed as they come, categories and class names kept as text until all are known.
    int f = featureNames.size();
    int[] cellOf = new int[f];
    boolean[] categorical = new boolean[f];
    for (int j = 0; j < f; j++) {
      cellOf[j] = column.get(featureNames.get(j));
      categorical[j] = ref.categorical().contains(featureNames.get(j));
    }
    int t = ref.targets().size();
    int[] targetCell = new int[t];
    for (int k = 0; k < t; k++) {
      targetCell[k] = column.get(ref.targets().get(k));
    }
    FloatList numbers = new FloatList();
    List<List<String>> categories = new ArrayList<>();
    for (int j = 0; j < f; j++) {
      categories.add(categorical[j] ? new ArrayList<>() : null);
    }
    List<String> classCells = new ArrayList<>();
    FloatList targetValues = new FloatList();
    int samples = 0;
    List<String> cells;
    while ((cells = records.next(file)) != null) {
      int line = records.recordLine;
      if (cells.size() != header.size()) {
        throw new DatasetException(
            file,
            RuntimeMessages.text(
                cells.size() == 1 ? "data.csv.cellCount.one" : "data.csv.cellCount",
                String.valueOf(line),
                String.valueOf(cells.size()),
                String.valueOf(header.size()),
                String.join(", ", header),
                printable(ref.delimiter())));
      }
      for (int j = 0; j < f; j++) {
        String cell = cells.get(cellOf[j]);
        String name = featureNames.get(j);
        if (cell.isEmpty()) {
          throw emptyCell(file, line, name);
        }
        if (categorical[j]) {
          categories.get(j).add(cell);
        } else {
          numbers.add(number(file, line, name, cell, ref.delimiter(), true));
        }
      }
      for (int k = 0; k < t; k++) {
        String cell = cells.get(targetCell[k]);
        String name = ref.targets().get(k);
        if (cell.isEmpty()) {
          throw emptyCell(file, line, name);
        }
        if (classification) {
          classCells.add(cell);
        } else {
          targetValues.add(number(file, line, name, cell, ref.delimiter(), false));
        }
      }
      samples++;
    }
    if (samples == 0) {
      throw new DatasetException(file, RuntimeMessages.text("data.csv.noData"));
    }

    // Lay the features out: numeric columns one value each, categorical ones one 0/1 value per category.
    List<List<String>> levels = new ArrayList<>();
    int width = 0;
    for (int j = 0; j < f; j++) {
      if (categorical[j]) {
        List<String> distinct = new ArrayList<>(new TreeSet<>(categories.get(j)));
        levels.add(distinct);
        width += distinct.size();
      } else {
        levels.add(null);
        width += 1;
      }
    }
    float[] features = new float[Math.multiplyExact(samples, width)];
    int numericColumns = 0;
    for (boolean c : categorical) {
      numericColumns += c ? 0 : 1;
    }
    List<Map<String, Integer>> levelIndex = new ArrayList<>();
    for (List<String> l : levels) {
      Map<String, Integer> index = new HashMap<>();
      if (l != null) {
        for (int i = 0; i < l.size(); i++) {
          index.put(l.get(i), i);
        }
      }
      levelIndex.add(index);
    }
    for (int s = 0; s < samples; s++) {
      int at = s * width;
      int numeric = 0;
      for (int j = 0; j < f; j++) {
        if (categorical[j]) {
          features[at + levelIndex.get(j).get(categories.get(j).get(s))] = 1f;
          at += levels.get(j).size();
        } else {
          features[at++] = numbers.get(s * numericColumns + numeric++);
        }
      }
    }
    String name = ref.name();
    Shape shape = Shape.of(width);
    if (!classification) {
      return Dataset.regression(name, features, targetValues.toArray(), shape, ref.targets());
    }
    List<String> classNames = classOrder(classCells);
    if (classNames.size() < 2) {
      throw new DatasetException(
          file,
          RuntimeMessages.text("data.csv.oneClass", ref.targets().get(0), classNames.get(0)));
    }
    Map<String, Integer> classIndex = new LinkedHashMap<>();
    for (int i = 0; i < classNames.size(); i++) {
      classIndex.put(classNames.get(i), i);
    }
    int[] labels = new int[samples];
    for (int s = 0; s < samples; s++) {
      labels[s] = classIndex.get(classCells.get(s));
    }
    return new Dataset(name, features, labels, shape, classNames.size(), classNames);
  }

  /** The distinct class names in numeric order when all are numbers, else in text order. */
  private static List<String> classOrder(List<String> cells) {
    TreeSet<String> distinct = new TreeSet<>(cells);
    boolean allNumbers = true;
    for (String d : distinct) {
      try {
        Double.parseDouble(d);
      } catch (NumberFormatException e) {
        allNumbers = false;
        break;
      }
    }
    List<String> out = new ArrayList<>(distinct);
    if (allNumbers) {
      out.sort(Comparator.comparingDouble(Double::parseDouble));
    }
    return out;
  }

  private static void requireColumn(Path file, Map<String, Integer> column, List<String> header, String name, String field)
      throws DatasetException {
    if (!column.containsKey(name)) {
      throw new DatasetException(
          file,
          RuntimeMessages.text(
              "data.csv.noColumn",
              name,
              field,
              String.join(", ", header),
              header.size() == 1 && (header.get(0).contains(";") || header.get(0).contains("\t")) ? RuntimeMessages.text("data.csv.oneColumnHint") : ""));
    }
  }

  private static DatasetException emptyCell(Path file, int line, String column) {
    return new DatasetException(
        file, RuntimeMessages.text("data.csv.emptyCell", String.valueOf(line), column));
  }

  private static float number(Path file, int line, String column, String cell, char delimiter, boolean feature)
      throws DatasetException {
    double v;
    try {
      v = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      org.layerlab.model.LocalText hint =
          cell.matches("-?\\d+,\\d+")
              ? RuntimeMessages.text(delimiter == ',' ? "data.csv.hint.decimalCommaDelimiter" : "data.csv.hint.decimalComma")
              : feature ? RuntimeMessages.text("data.csv.hint.categorical", column) : RuntimeMessages.text("data.csv.hint.regression");
      return fail(file, RuntimeMessages.text("data.csv.notNumber", String.valueOf(line), column, cell, hint));
    }
    if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
      return fail(file, RuntimeMessages.text("data.csv.notFinite", String.valueOf(line), column, cell));
    }
    return (float) v;
  }

  private static float fail(Path file, org.layerlab.model.LocalText problem) throws DatasetException {
    throw new DatasetException(file, problem);
  }

  private static String printable(char c) {
    return c == '\t' ? "\\t" : String.valueOf(c);
  }

  /** A growable array of floats, so that a million cells are not a million boxed objects. */
  private static final class FloatList {
    private float[] values = new float[1024];
    private int size;

    void add(float v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, Math.multiplyExact(values.length, 2));
      }
      values[size++] = v;
    }

    float get(int i) {
      return values[i];
    }

    float[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** Splits the text into records of cells, keeping the line on which each record starts. */
  private static final class Records {
    private final PushbackReader in;
    private final char delimiter;
    private int line = 1;
    int recordLine;

    Records(Reader in, char delimiter) {
      this.in = new PushbackReader(in, 1);
      this.delimiter = delimiter;
    }

    /** The next non-blank record, or {@code null} at the end of the file. */
    List<String> next(Path file) throws IOException, DatasetException {
      while (true) {
        List<String> r = record(file);
        if (r == null) {
          return null;
        }
        if (!(r.size() == 1 && r.get(0).isEmpty())) {
          return r;
        }
      }
    }

    private List<String> record(Path file) throws IOException, DatasetException {
      recordLine = line;
      int c = in.read();
      if (c == '\uFEFF' && line == 1) {
        c = in.read(); // the byte order mark some spreadsheet programs write
      }
      if (c == -1) {
        return null;
      }
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean inQuotes = false;
      while (true) {
        if (inQuotes) {
          if (c == -1) {
            throw new DatasetException(
                file, RuntimeMessages.text("data.csv.unclosedQuote", String.valueOf(recordLine)));
          }
          if (c == '"') {
            int next = in.read();
            if (next == '"') {
              cell.append('"');
            } else {
              inQuotes = false;
              if (next != -1) {
                in.unread(next);
              }
            }
          } else {
            if (c == '\n') {
              line++;
            }
            cell.append((char) c);
          }
        } else if (c == delimiter) {
          cells.add(quoted ? cell.toString() : cell.toString().trim());
          cell.setLength(0);
          quoted = false;
        } else if (c == '"' && !quoted && cell.toString().isBlank()) {
          inQuotes = true;
          quoted = true;
          cell.setLength(0);
        } else if (c == '\n' || c == '\r' || c == -1) {
          if (c == '\r') {
            int next = in.read();
            if (next != '\n' && next != -1) {
              in.unread(next);
            }
          }
          if (c != -1) {
            line++;
          }
          cells.add(quoted ? cell.toString() : cell.toString().trim());
          return cells;
        } else if (!quoted) {
          cell.append((char) c);
        } else if (!Character.isWhitespace(c)) {
          throw new DatasetException(
              file,
              RuntimeMessages.text("data.csv.textAfterQuote", String.valueOf(recordLine), String.valueOf(cells.size() + 1)));
        }
        c = in.read();
      }
    }
  }
}
