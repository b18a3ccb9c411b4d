package org.layerlab.app.check;

import org.layerlab.runtime.check.Severity;
import org.layerlab.runtime.check.Topic;

/**
 * One line of the check's result list, in the window's language.
 *
 * @param title what was checked, such as "Shapes"
 * @param text what was found and what to do
 */
public record CheckItem(Topic topic, Severity severity, String title, String text) {}
