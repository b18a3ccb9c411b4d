package org.layerlab.model.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.layerlab.model.LocalText;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.model.ModelMessages;

/**
 * One typed setting of a layer type: its name, kind, default and allowed values.
 *
 * @param min lowest allowed value for numbers, and for each element of an integer list
 * @param max highest allowed value, inclusive
 * @param choices the allowed words for a {@link Kind#CHOICE}; empty otherwise
 */
public record Setting(String name, Kind kind, Object defaultValue, double min, double max, List<String> choices) {

  /** What values a setting takes. */
  public enum Kind {
    INT,
    DOUBLE,
    CHOICE,
    INT_LIST
  }

  public Setting {
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
    choices = List.copyOf(choices);
  }

  static Setting integer(String name, int def, int min, int max) {
    return new Setting(name, Kind.INT, def, min, max, List.of());
  }

  static Setting decimal(String name, double def, double min, double max) {
    return new Setting(name, Kind.DOUBLE, def, min, max, List.of());
  }

  static Setting choice(String name, String def, String... choices) {
    return new Setting(name, Kind.CHOICE, def, 0, 0, List.of(choices));
  }

  static Setting intList(String name, List<Integer> def, int min, int max) {
    return new Setting(name, Kind.INT_LIST, List.copyOf(def), min, max, List.of());
  }

  /**
   * Converts a loosely typed value (a number of another class, a string from a text field) to this setting's kind.
   *
   * @throws LocalizedArgumentException with a message saying what the setting expects, in English and in the user's language
   */
  public Object normalize(Object value) {
    Objects.requireNonNull(value, name);
    switch (kind) {
      case INT -> {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
          if (!fitsInt(n)) {
            // intValue() would wrap 2^32 + 64 around to 64
            throw LocalizedArgumentException.of("setting.outOfRange", name, rangeText(), String.valueOf(value));
          }
          return n.intValue();
        }
        if (value instanceof String s) {
          try {
            return Integer.parseInt(s.trim());
          } catch (NumberFormatException e) {
            // fall through to the message below
          }
        }
        throw LocalizedArgumentException.of("setting.notWhole", name, String.valueOf(value));
      }
      case DOUBLE -> {
        if (value instanceof Number n) {
          return n.doubleValue();
        }
        if (value instanceof String s) {
          try {
            return Double.parseDouble(s.trim());
          } catch (NumberFormatException e) {
            // fall through
          }
        }
        throw LocalizedArgumentException.of("setting.notNumber", name, String.valueOf(value));
      }
      case CHOICE -> {
        String s = value.toString().trim().toLowerCase(Locale.ROOT);
        return s;
      }
      case INT_LIST -> {
        List<Integer> out = new ArrayList<>();
        if (value instanceof List<?> list) {
          for (Object o : list) {
            if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
              throw LocalizedArgumentException.of("setting.notList", name, String.valueOf(value));
            }
            if (!fitsInt(n)) {
              throw LocalizedArgumentException.of("setting.listOutOfRange", name, rangeText(), String.valueOf(value));
            }
            out.add(n.intValue());
          }
          return List.copyOf(out);
        }
        if (value instanceof String s) {
          for (String part : s.replaceAll("[()\\[\\]]", "").split("[,x×\\s]+")) {
            if (part.isBlank()) {
              continue;
            }
            try {
              out.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
              throw LocalizedArgumentException.of("setting.listText", name, s);
            }
          }
          return List.copyOf(out);
        }
        throw LocalizedArgumentException.of("setting.notList", name, String.valueOf(value));
      }
      default -> throw new AssertionError(kind);
    }
  }

  /**
   * A value as a user types it and a form shows it: {@code 64}, {@code 0.5} (no trailing zeros, no exponent), {@code relu}, {@code
   * 1, 28, 28} for a list.
   */
  public static String text(Object value) {
    if (value instanceof Double d) {
      return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof List<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }

  /** Why {@code value} is not allowed, or {@code null} when it is, in English. The value must already be normalised. */
  public String problem(Object value) {
    return problem(value, Locale.ENGLISH);
  }

  /**
   * Why {@code value} is not allowed, or {@code null} when it is, in {@code locale}'s language (English when there is no bundle for
   * it); the setting's name and the numbers are the same in every language. The value must already be normalised.
   */
  public String problem(Object value, Locale locale) {
    ModelMessages m = ModelMessages.of(locale);
    switch (kind) {
      case INT, DOUBLE -> {
        double v = ((Number) value).doubleValue();
        if (Double.isNaN(v) || v < min || v > max) {
          return m.get("setting.outOfRange", name, range(m), format(value));
        }
        return null;
      }
      case CHOICE -> {
        return choices.contains((String) value) ? null : m.get("setting.choice", name, String.join(", ", choices), String.valueOf(value));
      }
      case INT_LIST -> {
        @SuppressWarnings("unchecked")
        List<Integer> list = (List<Integer>) value;
        if (list.isEmpty()) {
          return m.get("setting.listEmpty", name);
        }
        for (int v : list) {
          if (v < min || v > max) {
            return m.get("setting.listOutOfRange", name, range(m), list.toString());
          }
        }
        return null;
      }
      default -> throw new AssertionError(kind);
    }
  }

  private static boolean fitsInt(Number n) {
    return n.doubleValue() >= Integer.MIN_VALUE && n.doubleValue() <= Integer.MAX_VALUE;
  }

  private String range(ModelMessages m) {
    return rangeText().message(m.locale());
  }

  /** The allowed range, to be said in any language. */
  private LocalText rangeText() {
    if (kind == Kind.DOUBLE) {
      return ModelMessages.text("setting.range.decimal", format(min), format(max));
    }
    return ModelMessages.text("setting.range.whole", String.valueOf((long) min), String.valueOf((long) max));
  }

  private static String format(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(v);
  }
}
