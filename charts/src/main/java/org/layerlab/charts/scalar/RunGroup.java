package org.layerlab.charts.scalar;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;
import org.layerlab.charts.ChartTexts;

/**
 * Repeated runs of one configuration (different seeds), drawn as their mean with a shaded band for their spread. The mean is
 * taken, at each pixel column, over the members' smoothed values interpolated at that x, so runs logged at different steps still
 * line up; it is drawn only where every member has a value, so it never jumps where one member ends. Members need not be visible
 * themselves. Appearance belongs to the JavaFX thread.
 */
public final class RunGroup {

  /** What the shaded band spans. */
  public enum Spread {
    /** Mean minus to mean plus one (population) standard deviation. */
    STANDARD_DEVIATION("scalar.spread.standardDeviation"),
    /** The lowest to the highest member. */
    MIN_MAX("scalar.spread.minMax");

    private final String key;

    Spread(String key) {
      this.key = key;
    }

    /** The name shown to the user, such as "± 1 sd", in the language of {@link ChartTexts} now. */
    public String label() {
      return ChartTexts.get(key);
    }

    /** The label: a choice box shows it. */
    @Override
    public String toString() {
      return label();
    }
  }

  private final String name;
  private final List<ScalarRun> members;
  private final ObjectProperty<Color> color;
  private final ObjectProperty<Spread> spread = new SimpleObjectProperty<>(this, "spread", Spread.STANDARD_DEVIATION);
  private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);

  RunGroup(String name, Color color, List<ScalarRun> members) {
    this.name = Objects.requireNonNull(name, "name");
    this.members = List.copyOf(members);
    if (this.members.isEmpty()) {
      throw new IllegalArgumentException("a group needs at least one run");
    }
    this.color = new SimpleObjectProperty<>(this, "color", Objects.requireNonNull(color, "color"));
  }

  public String name() {
    return name;
  }

  /** The runs averaged, in the order given. */
  public List<ScalarRun> members() {
    return members;
  }

  public ObjectProperty<Color> colorProperty() {
    return color;
  }

  public Color color() {
    return color.get();
  }

  public ObjectProperty<Spread> spreadProperty() {
    return spread;
  }

  public Spread spread() {
    return spread.get();
  }

  public void setSpread(Spread value) {
    spread.set(Objects.requireNonNull(value, "spread"));
  }

  public BooleanProperty visibleProperty() {
    return visible;
  }

  public boolean isVisible() {
    return visible.get();
  }

  public void setVisible(boolean value) {
    visible.set(value);
  }

  @Override
  public String toString() {
    return "RunGroup[" + name + "]";
  }
}
