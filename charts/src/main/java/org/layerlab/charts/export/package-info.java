/** Saving what the chart components show: PNG images of nodes and CSV tables of their data. */
package org.layerlab.charts.export;
