/**
 * How the user interface runs work in the background: the {@link org.layerlab.app.concurrent.TaskExecutor} contract, which
 * ViewModels use and tests replace with one that runs everything on the calling thread, and its JavaFX implementation.
 */
package org.layerlab.app.concurrent;
