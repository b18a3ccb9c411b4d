/**
 * The model as code in other frameworks: DJL (Java), PyTorch ({@code torch.nn.Module} with a {@code forward}) and Keras (functional
 * API). {@link org.layerlab.model.export.CodeExporter} is the contract, {@link org.layerlab.model.export.ExportTarget} picks one;
 * the implementations live in {@code spi}. Exporters write text only: this module depends on none of these frameworks.
 */
package org.layerlab.model.export;
