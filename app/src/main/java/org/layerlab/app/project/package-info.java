/** The project as a file: open, save, autosave and recovery, recent projects, and the start page with the sample gallery. */
package org.layerlab.app.project;
