package org.layerlab.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/** The small controls every form of the app is made of, styled alike: a field label, a text field, and a problem line under it. */
public final class FormControls {

  private FormControls() {}

  /** A text field bound both ways to {@code text}. */
  public static TextField field(String id, StringProperty text) {
    TextField f = new TextField();
    f.setId(id);
    f.textProperty().bindBidirectional(text);
    f.setPrefColumnCount(8);
    return f;
  }

  /** A field's label. */
  public static Label label(String id, String text) {
    Label l = new Label(text);
    l.setId(id);
    l.getStyleClass().add("field-label");
    return l;
  }

  /** A red line that says why a field cannot be used; it takes no room while {@code text} is empty. */
  public static Label problem(String id, ReadOnlyStringProperty text) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add("problem-text");
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.textProperty().bind(text);
    l.visibleProperty().bind(Bindings.isNotEmpty(text));
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }
}
