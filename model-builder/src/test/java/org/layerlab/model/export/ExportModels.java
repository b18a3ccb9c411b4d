package org.layerlab.model.export;

import static org.layerlab.model.TestLayers.add;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.input;
import static org.layerlab.model.TestLayers.layer;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.template.ModelTemplate;

/** The models the export tests write: every template and three models that together use every layer type and setting kind. */
final class ExportModels {

  private ExportModels() {}

  /** 1-D signals: grouped and dilated Conv1D, BatchNorm on (C, L) and on vectors, 1-D pooling, LayerNorm on a vector. */
  static ModelSpec signals() {
    return ModelSpec.of(
        input(4, 100),
        layer("conv_a", LayerType.CONV1D, "filters", 8, "kernel", 5, "stride", 2, "padding", "same", "groups", 2),
        LayerSpec.of("bn_a", LayerType.BATCH_NORM),
        layer("leaky", LayerType.LEAKY_RELU, "negativeSlope", 0.2),
        layer("pool_a", LayerType.MAX_POOL1D, "pool", 2, "stride", 2),
        layer("conv_b", LayerType.CONV1D, "filters", 8, "kernel", 3, "padding", "same", "dilation", 2, "groups", 8, "activation", "tanh"),
        layer("pool_b", LayerType.AVG_POOL1D, "pool", 3, "stride", 2),
        LayerSpec.of("flat", LayerType.FLATTEN),
        LayerSpec.of("norm", LayerType.LAYER_NORM),
        dense("hidden", 16).with("activation", "sigmoid"),
        LayerSpec.of("bn_v", LayerType.BATCH_NORM).with("momentum", 0.05),
        LayerSpec.of("sigmoid", LayerType.SIGMOID),
        dense("out", 3));
  }

  /** Images with a skip connection: transposed convolutions, Concatenate of channels, Reshape, image Softmax, several activations. */
  static ModelSpec upsampling() {
    return ModelSpec.of(
        input(3, 8, 8),
        layer("conv", LayerType.CONV2D, "filters", 8, "padding", "same", "activation", "relu"),
        layer("up_same", LayerType.CONV2D_TRANSPOSE, "filters", 4, "kernel", 3, "stride", 2, "padding", "same"),
        layer("up_valid", LayerType.CONV2D_TRANSPOSE, "filters", 4, "kernel", 2, "stride", 2, "activation", "sigmoid").withInputs("conv"),
        layer("cat", LayerType.CONCATENATE).withInputs("up_same", "up_valid"),
        layer("avg", LayerType.AVG_POOL2D, "pool", 2, "stride", 2),
        layer("elu", LayerType.ELU, "alpha", 0.5),
        layer("gelu", LayerType.GELU, "approximate", "tanh"),
        LayerSpec.of("silu", LayerType.SILU),
        LayerSpec.of("softmax", LayerType.SOFTMAX),
        layer("reshape", LayerType.RESHAPE, "shape", "32, -1, 4"),
        layer("mix", LayerType.CONV2D, "filters", 6, "kernel", 1, "dilation", 1),
        LayerSpec.of("gap", LayerType.GLOBAL_AVG_POOL2D),
        dense("out", 4).with("activation", "softmax"));
  }

  /** Float sequences: bidirectional SimpleRNN, attention with a residual Add, Concatenate of features, a GELU encoder, a GRU. */
  static ModelSpec sequences() {
    return ModelSpec.of(
        input(12, 16),
        layer("rnn", LayerType.SIMPLE_RNN, "units", 8, "output", "sequences", "direction", "bidirectional"),
        layer("attention", LayerType.MULTI_HEAD_ATTENTION, "heads", 4),
        add("residual", "attention", "rnn"),
        layer("features", LayerType.CONCATENATE, "axis", 2).withInputs("residual", "input"),
        LayerSpec.of("norm", LayerType.LAYER_NORM),
        layer("encoder", LayerType.TRANSFORMER_ENCODER, "heads", 2, "feedForward", 24, "activation", "gelu", "dropout", 0.0),
        LayerSpec.of("tanh", LayerType.TANH),
        layer("gru", LayerType.GRU, "units", 6, "direction", "bidirectional"),
        LayerSpec.of("relu", LayerType.RELU),
        layer("drop", LayerType.DROPOUT, "rate", 0.3),
        dense("out", 2));
  }

  /** Token ids read by a 1-D convolution: Keras must transpose the embedding for the convolution to see channels first. */
  static ModelSpec tokensToConv1d() {
    return ModelSpec.of(
        input(20),
        layer("embedding", LayerType.EMBEDDING, "vocabulary", 50, "dimension", 8),
        layer("conv", LayerType.CONV1D, "filters", 4, "kernel", 3),
        layer("lstm", LayerType.LSTM, "units", 5),
        dense("out", 2));
  }

  /** Every model the export tests check, by name. */
  static Map<String, ModelSpec> all() {
    Map<String, ModelSpec> models = new LinkedHashMap<>();
    for (ModelTemplate t : ModelTemplate.values()) {
      models.put(t.displayName(), t.model());
    }
    models.put("Signals", signals());
    models.put("Upsampling", upsampling());
    models.put("Sequences", sequences());
    models.put("Tokens to Conv1D", tokensToConv1d());
    return models;
  }

  static Set<LayerType> typesUsed() {
    Set<LayerType> used = EnumSet.noneOf(LayerType.class);
    all().values().forEach(m -> m.layers().forEach(l -> used.add(l.type())));
    return used;
  }
}
