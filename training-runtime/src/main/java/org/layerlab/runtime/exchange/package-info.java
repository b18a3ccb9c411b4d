/**
 * Exchange of runs with other tools: TensorBoard event files out ({@link org.layerlab.runtime.exchange.TensorBoardWriter}) and in
 * ({@link org.layerlab.runtime.exchange.TensorBoardReader}, {@link org.layerlab.runtime.exchange.TensorBoardImporter}), and CSV and
 * JSON for spreadsheets and notebooks ({@link org.layerlab.runtime.exchange.RunExporter}).
 *
 * <p>TensorBoard files are TFRecord files of {@code tensorboard.Event} protocol buffers. The few messages needed are encoded and
 * decoded by hand, so Layerlab carries no protobuf dependency; the field numbers are those of TensorBoard's
 * {@code compat/proto/event.proto}, {@code summary.proto}, {@code tensor.proto} and {@code plugins/hparams/plugin_data.proto}.
 * Writer and reader deliberately share no encoding code, so a mistake in one is caught by the other's tests.
 */
package org.layerlab.runtime.exchange;
