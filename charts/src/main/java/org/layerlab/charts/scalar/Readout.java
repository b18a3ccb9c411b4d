package org.layerlab.charts.scalar;

import javafx.scene.paint.Color;

/**
 * One line of the crosshair tooltip: a visible run's (or group's) value at the x under the mouse.
 *
 * @param name the run's or group's name
 * @param color its colour
 * @param x the x of the point shown, the one nearest the mouse (for a group, the mouse's x)
 * @param step that point's step (NaN for a group)
 * @param value the raw value (for a group, the mean)
 * @param smoothed the smoothed value (for a group, the spread's half-width or NaN)
 * @param group whether this line belongs to a group
 */
public record Readout(String name, Color color, double x, double step, double value, double smoothed, boolean group) {}
