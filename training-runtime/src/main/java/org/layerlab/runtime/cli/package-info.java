/** The headless command line: {@code layerlab train PROJECT} and {@code layerlab runs}. */
package org.layerlab.runtime.cli;
