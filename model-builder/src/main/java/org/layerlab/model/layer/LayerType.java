package org.layerlab.model.layer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.layerlab.model.LocalizedArgumentException;

/**
 * Every layer a model can contain, with its settings. The JSON name is what project files store.
 *
 * <p>Sample shapes leave the batch out: an image is (C, H, W), a 1-D signal (C, L), a sequence (T, F) with time first (batch-first
 * in PyTorch's words), token ids (T). Parameter counts follow PyTorch's definitions ({@code sum(p.numel() for p in
 * m.parameters())} for trainable ones, float buffers for non-trainable ones); where Keras or DJL count differently the constant
 * says so. Constants added after the first release are appended, so the first ten keep their order.
 */
public enum LayerType {
  /** Where samples enter; its shape is one sample without the batch dimension. No parameters. */
  INPUT("Input", Family.CORE, 0, 0, Setting.intList("shape", List.of(2), 1, 1_000_000)),
  /**
   * Fully connected layer on a vector (F): PyTorch {@code nn.Linear}, weight F x units plus bias units. Same in Keras and DJL.
   */
  DENSE(
      "Dense",
      Family.CORE,
      1,
      1,
      Setting.integer("units", 64, 1, 100_000),
      Setting.choice("activation", "none", Activation.names())),
  /**
   * 2-D convolution on (C, H, W): PyTorch {@code nn.Conv2d}, weight F x (C / groups) x k x k plus bias F. Output side
   * {@code floor((H + 2p - d (k - 1) - 1) / s) + 1} with p = 0 ('valid') or d (k - 1) / 2 ('same', odd kernels). Same count in
   * Keras and DJL.
   */
  CONV2D(
      "Conv2D",
      Family.CONVOLUTION,
      1,
      1,
      Setting.integer("filters", 32, 1, 4096),
      Setting.integer("kernel", 3, 1, 15),
      Setting.integer("stride", 1, 1, 8),
      Setting.choice("padding", "valid", "valid", "same"),
      Setting.choice("activation", "none", Activation.names()),
      Setting.integer("dilation", 1, 1, 8),
      Setting.integer("groups", 1, 1, 4096)),
  /** Largest value of each window of (C, H, W): {@code nn.MaxPool2d} without padding. No parameters. */
  MAX_POOL2D("MaxPool2D", Family.POOLING, 1, 1, Setting.integer("pool", 2, 1, 8), Setting.integer("stride", 2, 1, 8)),
  /** All dimensions of a sample as one vector: {@code torch.flatten(x, 1)}. No parameters. */
  FLATTEN("Flatten", Family.CORE, 1, 1),
  /** Zeroes a random fraction while training: {@code nn.Dropout}. No parameters. */
  DROPOUT("Dropout", Family.CORE, 1, 1, Setting.decimal("rate", 0.5, 0.0, 0.95)),
  /** max(0, x). No parameters. */
  RELU("ReLU", Family.ACTIVATION, 1, 1),
  /** 1 / (1 + e^-x). No parameters. */
  SIGMOID("Sigmoid", Family.ACTIVATION, 1, 1),
  /** tanh(x). No parameters. */
  TANH("Tanh", Family.ACTIVATION, 1, 1),
  /** Softmax over the first sample axis (axis 1 of the batch: features of (F), channels of (C, H, W)). No parameters. */
  SOFTMAX("Softmax", Family.ACTIVATION, 1, 1),

  /** Same values in another shape: {@code x.reshape(N, *shape)}; one entry may be -1 for "what is left". No parameters. */
  RESHAPE("Reshape", Family.CORE, 1, 1, Setting.intList("shape", List.of(-1), -1, 1_000_000)),
  /**
   * A learned vector per token id: (T) ids become (T, dimension). PyTorch {@code nn.Embedding}, weight vocabulary x dimension; same
   * in Keras ({@code Embedding(input_dim, output_dim)}) and DJL.
   */
  EMBEDDING(
      "Embedding",
      Family.CORE,
      1,
      1,
      Setting.integer("vocabulary", 10_000, 1, 10_000_000),
      Setting.integer("dimension", 64, 1, 65_536)),
  /**
   * 1-D convolution on (C, L): PyTorch {@code nn.Conv1d}, weight F x (C / groups) x k plus bias F. Output length
   * {@code floor((L + 2p - d (k - 1) - 1) / s) + 1}. Same count in Keras and DJL.
   */
  CONV1D(
      "Conv1D",
      Family.CONVOLUTION,
      1,
      1,
      Setting.integer("filters", 32, 1, 4096),
      Setting.integer("kernel", 3, 1, 63),
      Setting.integer("stride", 1, 1, 8),
      Setting.choice("padding", "valid", "valid", "same"),
      Setting.choice("activation", "none", Activation.names()),
      Setting.integer("dilation", 1, 1, 16),
      Setting.integer("groups", 1, 1, 4096)),
  /**
   * Transposed 2-D convolution on (C, H, W), which grows height and width: PyTorch {@code nn.ConvTranspose2d}, weight C x F x k x k
   * plus bias F. Output side {@code (H - 1) s + k} for 'valid' and {@code H s} for 'same' (odd kernels; PyTorch padding (k - 1) / 2
   * and output padding s - 1). Same count in Keras and DJL; DJL 0.36's PyTorch engine cannot run its Conv2dTranspose, so the runtime builds
   * this layer itself.
   */
  CONV2D_TRANSPOSE(
      "Conv2DTranspose",
      Family.CONVOLUTION,
      1,
      1,
      Setting.integer("filters", 32, 1, 4096),
      Setting.integer("kernel", 3, 1, 15),
      Setting.integer("stride", 2, 1, 8),
      Setting.choice("padding", "valid", "valid", "same"),
      Setting.choice("activation", "none", Activation.names())),
  /** Largest value of each window of (C, L): {@code nn.MaxPool1d}. No parameters. */
  MAX_POOL1D("MaxPool1D", Family.POOLING, 1, 1, Setting.integer("pool", 2, 1, 8), Setting.integer("stride", 2, 1, 8)),
  /** Mean of each window of (C, L): {@code nn.AvgPool1d}. No parameters. */
  AVG_POOL1D("AvgPool1D", Family.POOLING, 1, 1, Setting.integer("pool", 2, 1, 8), Setting.integer("stride", 2, 1, 8)),
  /** Mean of each window of (C, H, W): {@code nn.AvgPool2d}. No parameters. */
  AVG_POOL2D("AvgPool2D", Family.POOLING, 1, 1, Setting.integer("pool", 2, 1, 8), Setting.integer("stride", 2, 1, 8)),
  /** Mean of each channel of (C, H, W), giving (C): {@code x.mean(dim=(2, 3))}. No parameters. */
  GLOBAL_AVG_POOL2D("GlobalAvgPool2D", Family.POOLING, 1, 1),
  /**
   * Batch normalisation over the first sample axis (channels of (C, H, W) or (C, L), features of (F)) (Ioffe and Szegedy, 2015):
   * PyTorch {@code nn.BatchNorm1d/2d}. Trainable: scale and shift, 2C. Non-trainable: running mean and variance, 2C (PyTorch
   * also keeps a one-element {@code num_batches_tracked} counter, an integer we do not count; Keras counts the same 2C as
   * non-trainable; DJL registers all four vectors as parameters, 4C in its parameter list). {@code momentum} follows PyTorch: the
   * weight of the new batch in the running statistics (Keras's momentum is 1 minus it).
   */
  BATCH_NORM(
      "BatchNorm",
      Family.NORMALIZATION,
      1,
      1,
      Setting.decimal("momentum", 0.1, 0.0, 1.0),
      Setting.decimal("epsilon", 1e-5, 1e-10, 0.1)),
  /**
   * Layer normalisation over the last axis (Ba, Kiros and Hinton, 2016): PyTorch {@code nn.LayerNorm(last)}, scale and shift 2 x
   * last. Same in Keras and DJL.
   */
  LAYER_NORM("LayerNorm", Family.NORMALIZATION, 1, 1, Setting.decimal("epsilon", 1e-5, 1e-10, 0.1)),
  /**
   * Elman recurrent layer with tanh on a sequence (T, F): PyTorch {@code nn.RNN}, per direction {@code H F + H H + 2 H} (two bias
   * vectors, b_ih and b_hh, as PyTorch and DJL have; Keras's {@code SimpleRNN} has one, {@code H F + H H + H}).
   */
  SIMPLE_RNN("SimpleRNN", Family.RECURRENT, 1, 1, recurrentSettings()),
  /**
   * Long short-term memory (Hochreiter and Schmidhuber, 1997) on (T, F): PyTorch {@code nn.LSTM}, per direction
   * {@code 4 (H F + H H + 2 H)} (two bias vectors as PyTorch and DJL; Keras's {@code LSTM} has one, {@code 4 (H F + H H + H)}).
   */
  LSTM("LSTM", Family.RECURRENT, 1, 1, recurrentSettings()),
  /**
   * Gated recurrent unit (Cho et al., 2014) on (T, F): PyTorch {@code nn.GRU}, per direction {@code 3 (H F + H H + 2 H)}. Keras's
   * {@code GRU} with {@code reset_after=True} (its default since TF 2) counts the same; DJL too.
   */
  GRU("GRU", Family.RECURRENT, 1, 1, recurrentSettings()),
  /**
   * Multi-head self-attention (Vaswani et al., 2017) on (T, F), keeping (T, F): PyTorch {@code nn.MultiheadAttention(F, heads)},
   * query, key, value and output projections with biases, {@code 4 F F + 4 F}. Keras's {@code MultiHeadAttention(heads, F /
   * heads)} and DJL's {@code ScaledDotProductAttentionBlock} count the same.
   */
  MULTI_HEAD_ATTENTION(
      "MultiHeadAttention",
      Family.ATTENTION,
      1,
      1,
      Setting.integer("heads", 4, 1, 64),
      Setting.decimal("dropout", 0.0, 0.0, 0.95)),
  /**
   * One Transformer encoder block (Vaswani et al., 2017) on (T, F), post-norm: PyTorch {@code nn.TransformerEncoderLayer(F, heads,
   * feedForward, batch_first=True)}: attention {@code 4 F F + 4 F}, feed-forward {@code 2 F ff + ff + F}, two layer norms
   * {@code 4 F}. DJL's {@code TransformerEncoderBlock} does not match it (BatchNorm instead of LayerNorm, and another residual), so the runtime builds this layer itself.
   */
  TRANSFORMER_ENCODER(
      "TransformerEncoder",
      Family.ATTENTION,
      1,
      1,
      Setting.integer("heads", 4, 1, 64),
      Setting.integer("feedForward", 256, 1, 65_536),
      Setting.decimal("dropout", 0.1, 0.0, 0.95),
      Setting.choice("activation", "relu", "relu", "gelu")),
  /** x for x &gt; 0, negativeSlope x otherwise: {@code nn.LeakyReLU}. No parameters. */
  LEAKY_RELU("LeakyReLU", Family.ACTIVATION, 1, 1, Setting.decimal("negativeSlope", 0.01, 0.0, 1.0)),
  /** x for x &gt; 0, alpha (e^x - 1) otherwise (Clevert et al., 2016): {@code nn.ELU}. No parameters. */
  ELU("ELU", Family.ACTIVATION, 1, 1, Setting.decimal("alpha", 1.0, 0.0, 10.0)),
  /** x Phi(x) (Hendrycks and Gimpel, 2016): {@code nn.GELU}, exact or with the tanh approximation. No parameters. */
  GELU("GELU", Family.ACTIVATION, 1, 1, Setting.choice("approximate", "none", "none", "tanh")),
  /** x sigmoid(x), also called swish: {@code nn.SiLU}. No parameters. */
  SILU("SiLU", Family.ACTIVATION, 1, 1),
  /** Elementwise sum of two or more inputs of equal shape, as in residual blocks (He et al., 2016). No parameters. */
  ADD("Add", Family.MERGE, 2, Integer.MAX_VALUE),
  /** Joins two or more inputs along {@code axis} (1 = the first sample axis), all other sizes equal: {@code torch.cat}. */
  CONCATENATE("Concatenate", Family.MERGE, 2, Integer.MAX_VALUE, Setting.integer("axis", 1, 1, 4));

  private static final String BUNDLE = "org.layerlab.model.layer.layers";

  private final String jsonName;
  private final Family family;
  private final int minInputs;
  private final int maxInputs;
  private final List<Setting> settings;

  LayerType(String jsonName, Family family, int minInputs, int maxInputs, Setting... settings) {
    this.jsonName = jsonName;
    this.family = family;
    this.minInputs = minInputs;
    this.maxInputs = maxInputs;
    this.settings = List.of(settings);
  }

  private static Setting[] recurrentSettings() {
    return new Setting[] {
      Setting.integer("units", 64, 1, 16_384),
      Setting.choice("output", "last", "last", "sequences"),
      Setting.choice("direction", "forward", "forward", "bidirectional")
    };
  }

  public String jsonName() {
    return jsonName;
  }

  public Family family() {
    return family;
  }

  public List<Setting> settings() {
    return settings;
  }

  /** The fewest inputs the layer takes: 0 for Input, 2 for Add and Concatenate, 1 for the rest. */
  public int minInputs() {
    return minInputs;
  }

  /** The most inputs the layer takes: {@link Integer#MAX_VALUE} for Add and Concatenate. */
  public int maxInputs() {
    return maxInputs;
  }

  /** Whether the layer joins several inputs (Add, Concatenate). */
  public boolean isMerge() {
    return family == Family.MERGE;
  }

  /** Whether the layer has a setting of that name. */
  public boolean hasSetting(String name) {
    return settings.stream().anyMatch(s -> s.name().equals(name));
  }

  /** The named setting; throws {@link IllegalArgumentException} naming the allowed ones when there is none. */
  public Setting setting(String name) {
    for (Setting s : settings) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw settings.isEmpty()
        ? LocalizedArgumentException.of("layer.noSetting", jsonName, name)
        : LocalizedArgumentException.of("layer.noSetting.has", jsonName, name, String.join(", ", settingNames()));
  }

  public List<String> settingNames() {
    return settings.stream().map(Setting::name).toList();
  }

  /** The type stored under {@code name} in project files (case-insensitive). */
  public static Optional<LayerType> fromJsonName(String name) {
    for (LayerType t : values()) {
      if (t.jsonName.equalsIgnoreCase(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public static String jsonNames() {
    return String.join(", ", java.util.Arrays.stream(values()).map(LayerType::jsonName).toList());
  }

  /** A one- or two-sentence explanation of what the layer does and how its output size is computed. */
  public String description(Locale locale) {
    return text(locale, "description");
  }

  /** The explanation of one setting. */
  public String settingDescription(String setting, Locale locale) {
    return text(locale, "setting." + setting);
  }

  private String text(Locale locale, String key) {
    return Texts.get(BUNDLE, locale, jsonName + "." + key);
  }
}
