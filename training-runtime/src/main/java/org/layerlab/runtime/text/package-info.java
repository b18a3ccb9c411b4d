/**
 * The runtime's texts for people: {@link org.layerlab.runtime.text.RuntimeMessages} reads them from the bundle
 * {@code org/layerlab/runtime/messages.properties} (English) and {@code messages_zh.properties} (Simplified Chinese).
 *
 * <p>Where the runtime finds a problem it keeps the text as a {@link org.layerlab.model.LocalText} (key and arguments). Exceptions
 * and events carry it beside their English message: {@link org.layerlab.runtime.data.DatasetException},
 * {@link org.layerlab.runtime.compile.InvalidModelException} and {@link org.layerlab.runtime.text.LocalizedStateException} are
 * {@link org.layerlab.model.Localized}, and {@link org.layerlab.runtime.events.RunEnded#text()} says how a run ended. The command
 * line, the logs and the run store use the English message; a window asks the text in its language (the app's
 * {@code Messages.describe}). Generated datasets keep English class names in their data and run records;
 * {@link org.layerlab.runtime.data.GeneratedClasses} gives a window the same names in its language.
 *
 * <p>{@link org.layerlab.runtime.text.LocalTextJson} keeps a text in a file as its bundle, key and arguments: the run store keeps
 * how a run ended that way beside the English, so that the Runs page says it in the window's language.
 */
package org.layerlab.runtime.text;
