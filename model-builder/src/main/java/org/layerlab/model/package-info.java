/**
 * The model as data: a network is a {@link org.layerlab.model.ModelSpec} of {@link org.layerlab.model.LayerSpec}s.
 *
 * <p>This module knows nothing of JavaFX or of any deep-learning engine; the training runtime compiles a spec to an engine block.
 *
 * <p>What it refuses (an edit, a typed setting value, a project file, a code export) is {@link org.layerlab.model.Localized}: the
 * exception's {@code getMessage()} is English for the command line and the logs, {@code message(locale)} says the same from {@code
 * messages_zh.properties} for the window. Callers that show an error use {@link org.layerlab.model.LocalText#describe}.
 */
package org.layerlab.model;
