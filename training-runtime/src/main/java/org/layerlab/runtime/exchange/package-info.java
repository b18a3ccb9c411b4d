/**
 * Exchange of runs with other tools: TensorBoard event files out ({@link org.layerlab.runtime.exchange.TensorBoardWriter}) and in
 * ({@link org.layerlab.runtime.exchange.TensorBoardReader}, {@link org.layerlab.runtime.exchange.TensorBoardImporter}), and CSV and
 * JSON for spreadsheets and notebooks ({@link org.layerlab.runtime.exchange.RunExporter}).
 *
 * <p>TensorBoard files are TFRecord files of {@code tensorboard.Event} protocol buffers. The few messages needed are encoded and
 * decoded by hand, so Layerlab carries no protobuf dependency; the field numbers are those of TensorBoard's
 * {@code compat/proto/event.proto}, {@code summary.proto}, {@code tensor.proto} and {@code plugins/hparams/plugin_data.proto}.
 * Writer and reader deliberately share no encoding code, so a mistake in one is caught by the other's tests.
 *
 * <p>A file that cannot be imported raises a {@link org.layerlab.runtime.exchange.RunExchangeException} (a damaged event file its
 * {@link org.layerlab.runtime.exchange.TensorBoardFormatException}), whose English message the command line shows and whose
 * {@code message(Locale)} a window shows in its language.
 */
package org.layerlab.runtime.exchange;
