/** Classroom lesson presets: JSON files that hide or lock chosen controls of the workbench. */
package org.layerlab.app.lessons;
