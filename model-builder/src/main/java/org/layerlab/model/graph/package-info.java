/**
 * The model as a directed graph of layers with numbered input ports: connections, open ports, cycles, a topological order. Analysis
 * builds its cycle, dangling-input, unconnected-layer and several-outputs checks on it.
 */
package org.layerlab.model.graph;
