/**
 * The run store: every run with its configuration, status and scalar metrics, in one SQLite file per workspace (WAL mode, so the
 * app reads while a run writes).
 */
package org.layerlab.runtime.store;
