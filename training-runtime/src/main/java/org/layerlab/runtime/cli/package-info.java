/**
 * The headless command line: {@code layerlab train PROJECT [--seeds N]}, {@code layerlab runs list|show|compare|export|import|tag|
 * rename|note|archive|delete} ({@code runs} alone lists), and the benchmarks {@code bench-store} and {@code bench-logging}.
 */
package org.layerlab.runtime.cli;
