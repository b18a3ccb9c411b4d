package org.layerlab.model.edit;

/** Told after every change an {@link EditHistory} makes, on the thread that made it. */
@FunctionalInterface
public interface EditListener {

  void modelChanged(EditEvent event);
}
