/**
 * Run tracking on top of the run store: the provenance of a run ({@link org.layerlab.runtime.tracking.Provenance}), comparison of
 * runs (series aligned by step, epoch or time, configuration differences, hyperparameters against results), and repeated runs
 * trained with several seeds ({@link org.layerlab.runtime.tracking.SeedGroup}) with their mean, spread and significance tests.
 *
 * <p>The store does the querying (filters, sorting, summaries); this package reads its results and never writes SQL.
 */
package org.layerlab.runtime.tracking;
