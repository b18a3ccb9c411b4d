package org.layerlab.runtime.preview;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.runtime.data.DatasetException;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * The first lines of a CSV file as text, for showing a table and choosing the target column before the file is read as a dataset.
 * Cells are split as {@link org.layerlab.runtime.data.CsvReader} splits them (RFC 4180 quotes, spaces around unquoted cells
 * trimmed, blank lines skipped); nothing is converted, so every row is shown as written.
 *
 * @param columns the names in the first line
 * @param rows up to the asked number of the following lines, each a list of cells
 * @param delimiter the character between cells
 */
public record CsvHead(List<String> columns, List<List<String>> rows, char delimiter) {

  public CsvHead {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /**
   * The delimiter of a file: whichever of comma, semicolon and tab occurs most often in its first line outside quotes (comma when
   * none does).
   */
  public static char detectDelimiter(Path file) throws DatasetException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      if (line == null) {
        return ',';
      }
      int commas = 0;
      int semicolons = 0;
      int tabs = 0;
      boolean quoted = false;
      for (char ch : line.toCharArray()) {
        if (ch == '"') {
          quoted = !quoted;
        } else if (!quoted) {
          commas += ch == ',' ? 1 : 0;
          semicolons += ch == ';' ? 1 : 0;
          tabs += ch == '\t' ? 1 : 0;
        }
      }
      if (semicolons > commas && semicolons >= tabs) {
        return ';';
      }
      return tabs > commas ? '\t' : ',';
    } catch (IOException e) {
      throw problem(file, e);
    }
  }

  /** Reads the header and up to {@code maxRows} rows of {@code file}. */
  public static CsvHead read(Path file, char delimiter, int maxRows) throws DatasetException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> header = next(in, delimiter);
      if (header == null) {
        throw new DatasetException(file, RuntimeMessages.text("data.csv.empty"));
      }
      List<List<String>> rows = new ArrayList<>();
      List<String> row;
      while (rows.size() < maxRows && (row = next(in, delimiter)) != null) {
        rows.add(row);
      }
      return new CsvHead(header, rows, delimiter);
    } catch (IOException e) {
      throw problem(file, e);
    }
  }

  private static DatasetException problem(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new DatasetException(file, RuntimeMessages.text("data.csv.noSuchFile"));
    }
    if (e instanceof CharacterCodingException) {
      return new DatasetException(file, RuntimeMessages.text("data.notUtf8"), e);
    }
    return new DatasetException(file, RuntimeMessages.text("data.unreadable", String.valueOf(e)), e);
  }

  /** The next record's cells, or {@code null} at the end; blank lines are skipped. */
  private static List<String> next(BufferedReader in, char delimiter) throws IOException {
    while (true) {
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      boolean any = false;
      int ch;
      while ((ch = in.read()) != -1) {
        any = true;
        char c = (char) ch;
        if (quoted) {
          if (c == '"') {
            in.mark(1);
            int after = in.read();
            if (after == '"') {
              cell.append('"');
            } else {
              quoted = false;
              if (after != -1) {
                in.reset();
              }
            }
          } else {
            cell.append(c);
          }
        } else if (c == '"' && cell.toString().isBlank()) {
          quoted = true;
          wasQuoted = true;
          cell.setLength(0);
        } else if (c == delimiter) {
          cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
          cell.setLength(0);
          wasQuoted = false;
        } else if (c == '\n') {
          break;
        } else if (c != '\r') {
          cell.append(c);
        }
      }
      if (!any) {
        return null;
      }
      cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
      if (cells.size() == 1 && cells.get(0).isEmpty() && !wasQuoted) {
        if (ch == -1) {
          return null;
        }
        continue; // a blank line
      }
      return cells;
    }
  }
}
