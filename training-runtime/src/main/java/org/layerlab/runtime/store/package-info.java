/**
 * The run store: every run with its configuration, status and scalar metrics, in one SQLite file per workspace (WAL mode, so the
 * app reads while a run writes; every write one transaction).
 *
 * <p>Tables (schema 5, see {@code StoreSchema}): {@code runs} (one row per run: configuration JSON, status, times, how it ended in
 * English and as a text to say in any language, group, notes, archived flag, configuration hash, seed, batches per epoch,
 * provenance JSON, origin of imported runs), {@code tags} (series names), {@code metrics (run_id, tag_id, step, wall_time, val)},
 * {@code run_metrics} (per run and series: points, last step, final, smallest and largest value, kept up to date by every append),
 * {@code run_labels} (the user's tags of a run), {@code artifacts} (files a run produced) and {@code histograms}. {@link org.layerlab.runtime.store.RunStore#findRuns} filters and sorts runs in SQL on these.
 *
 * <p>{@link org.layerlab.runtime.store.RunStoreException} says in English what failed, and the same in the window's language.
 */
package org.layerlab.runtime.store;
