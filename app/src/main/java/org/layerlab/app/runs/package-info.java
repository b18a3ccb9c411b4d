/**
 * The recorded runs: a table read from the workspace's run store, and the validation curves of the selected runs overlaid for
 * comparison. Store reads go through the {@link org.layerlab.app.concurrent.TaskExecutor}, never on the JavaFX thread.
 */
package org.layerlab.app.runs;
