/**
 * The runs of the workspace: a table read from the run store in one query, filtered (text over name, tags and notes; status, tag,
 * project, start period, archived) and sorted by any column or recorded metric in the background; curating (inline rename and notes,
 * tags as chips, archive, delete after a confirmation); the comparison of the selected runs (overlaid curves of a chosen metric with
 * seed groups as mean ± sd bands, the configuration diff, settings against the metric in parallel coordinates, the groups' spread and
 * t-test statement); and export (CSV, JSON, TensorBoard) and import (TensorBoard logs, Layerlab JSON) as cancellable jobs with
 * progress.
 *
 * <p>{@link org.layerlab.app.runs.RunsViewModel} holds no nodes and never touches the store on the JavaFX thread: every read and
 * write goes through the {@link org.layerlab.app.concurrent.TaskExecutor}. Files are chosen through
 * {@link org.layerlab.app.runs.RunFileChooser}, which tests answer with paths.
 */
package org.layerlab.app.runs;
