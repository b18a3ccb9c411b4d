package org.layerlab.charts.scalar;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import org.layerlab.charts.ChartTexts;

/**
 * The smoothing choice: a kind (none, TensorBoard's exponential, moving average) and a slider for its strength, the exponential
 * weight from 0 to 0.99 or the moving average's window from 1 to 200 points. {@link #smoothingProperty()} holds the result; bind
 * it to a {@link ScalarChart}'s, or use the control on its own.
 */
public final class SmoothingControl extends HBox {

  public static final String KIND_ID = "smoothing-kind";
  public static final String SLIDER_ID = "smoothing-slider";
  public static final String VALUE_ID = "smoothing-value";

  /** Largest weight the slider offers; 0.999 remains settable through the property. */
  static final double SLIDER_MAX_WEIGHT = 0.99;

  static final int MAX_WINDOW = 200;

  private final ObjectProperty<Smoothing> smoothing = new SimpleObjectProperty<>(this, "smoothing", Smoothing.DEFAULT);
  private final ChoiceBox<Smoothing.Kind> kind =
      new ChoiceBox<>(FXCollections.observableArrayList(Smoothing.Kind.values()));
  private final Slider slider = new Slider();
  private final Label value = new Label();
  private boolean syncing;

  public SmoothingControl() {
    super(6);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("smoothing-control");
    kind.setId(KIND_ID);
    slider.setId(SLIDER_ID);
    value.setId(VALUE_ID);
    slider.setPrefWidth(140);
    Label title = new Label(ChartTexts.get("smoothing.title"));
    title.setMinWidth(USE_PREF_SIZE);
    kind.setMinWidth(USE_PREF_SIZE);
    value.setMinWidth(USE_PREF_SIZE);
    slider.setMinWidth(60);
    getChildren().addAll(title, kind, slider, value);

    kind.valueProperty().addListener((obs, old, now) -> fromControls(true));
    slider.valueProperty().addListener((obs, old, now) -> fromControls(false));
    smoothing.addListener((obs, old, now) -> toControls(now));
    toControls(smoothing.get());
  }

  /** The chosen smoothing; never null. */
  public ObjectProperty<Smoothing> smoothingProperty() {
    return smoothing;
  }

  public Smoothing getSmoothing() {
    return smoothing.get();
  }

  public void setSmoothing(Smoothing value) {
    smoothing.set(value);
  }

  private void fromControls(boolean kindChanged) {
    if (syncing) {
      return;
    }
    Smoothing.Kind k = kind.getValue();
    Smoothing next;
    switch (k) {
      case EXPONENTIAL:
        next = Smoothing.exponential(kindChanged ? Smoothing.DEFAULT.weight() : round(slider.getValue(), 100));
        break;
      case MOVING_AVERAGE:
        next = Smoothing.movingAverage(kindChanged ? 10 : (int) Math.round(slider.getValue()));
        break;
      case NONE:
      default:
        next = Smoothing.none();
    }
    smoothing.set(next);
  }

  private void toControls(Smoothing s) {
    syncing = true;
    try {
      kind.setValue(s.kind());
      switch (s.kind()) {
        case EXPONENTIAL:
          slider.setDisable(false);
          slider.setMin(0);
          slider.setMax(SLIDER_MAX_WEIGHT);
          slider.setBlockIncrement(0.01);
          slider.setValue(s.weight());
          value.setText(java.math.BigDecimal.valueOf(s.weight()).stripTrailingZeros().toPlainString());
          break;
        case MOVING_AVERAGE:
          slider.setDisable(false);
          slider.setMin(1);
          slider.setMax(MAX_WINDOW);
          slider.setBlockIncrement(1);
          slider.setValue(s.window());
          value.setText(ChartTexts.get("smoothing.points", s.window()));
          break;
        case NONE:
        default:
          slider.setDisable(true);
          value.setText(ChartTexts.get("smoothing.off"));
      }
    } finally {
      syncing = false;
    }
  }

  private static double round(double v, int steps) {
    return Math.min(Smoothing.MAX_WEIGHT, Math.round(v * steps) / (double) steps);
  }
}
