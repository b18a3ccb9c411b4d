package org.layerlab.charts.export;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV: comma-separated, fields with a comma, quote or line break quoted, quotes doubled, lines ended by CRLF.
 * Numbers are written with {@link Double#toString}, the shortest text that reads back to the same double.
 */
public final class CsvWriter {

  private final Writer out;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  /** Writes one row. */
  public void row(String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(fields[i]));
    }
    out.write("\r\n");
  }

  /** A number as CSV text: whole numbers without ".0", others in Java's shortest round-trip form. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static String quote(String field) {
    if (field == null) {
      return "";
    }
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
