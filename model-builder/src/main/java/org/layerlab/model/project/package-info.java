/**
 * The project: a model, the dataset it learns from and the training settings, stored as a versioned JSON file
 * ({@code project.json}) whose loading errors name the path in the file and the fix.
 */
package org.layerlab.model.project;
