/**
 * The Layerlab window: {@link org.layerlab.app.Launcher} (the main class, which also hands commands to the command line),
 * {@link org.layerlab.app.LayerlabApp} (the JavaFX application), and the main view and view model that put the model editor, the
 * training panel and the runs together. Each feature lives in its own package with its view and view model.
 */
package org.layerlab.app;
