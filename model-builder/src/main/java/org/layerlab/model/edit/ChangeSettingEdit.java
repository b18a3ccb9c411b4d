package org.layerlab.model.edit;

import java.util.Objects;
import org.layerlab.model.ModelSpec;

/**
 * Changes one setting of a layer. The value is normalised to the setting's kind (text from a field becomes a number), but not
 * range-checked: a value out of range is kept and analysis explains it, as with {@link org.layerlab.model.LayerSpec#with}.
 */
public final class ChangeSettingEdit extends ModelEdit {

  private final String id;
  private final String setting;
  private final Object value;

  public ChangeSettingEdit(String id, String setting, Object value) {
    this.id = Objects.requireNonNull(id, "id");
    this.setting = Objects.requireNonNull(setting, "setting");
    this.value = Objects.requireNonNull(value, "value");
  }

  @Override
  public String description() {
    return "Set " + setting + " of " + id + " to " + value;
  }

  @Override
  protected ModelSpec apply(ModelSpec model) {
    int index = Connections.require(model, id);
    return model.replace(index, model.layer(index).with(setting, value));
  }
}
