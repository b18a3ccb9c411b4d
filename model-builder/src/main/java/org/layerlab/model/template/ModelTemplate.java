package org.layerlab.model.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.layer.LayerType;

/**
 * Well-known networks to start from. Each opens as an ordinary, editable model ({@code history.reset(template.model(), ...)}) and
 * comes with the data it was made for, so analysis can check it at once.
 */
public enum ModelTemplate {
  /**
   * The CNN of the TensorFlow "Convolutional Neural Network (CNN)" tutorial on CIFAR-10: three 3x3 convolutions of 32, 64 and 64
   * filters with max pooling between them, then Dense 64 and Dense 10; 122,570 parameters.
   */
  KERAS_CIFAR10_CNN("Keras CIFAR-10 CNN", new DataSignature(Shape.of(3, 32, 32), 10), ModelTemplate::kerasCifar10Cnn),
  /**
   * LeNet-5 (LeCun et al., 1998) for 28x28 digits: the first convolution pads by 2 so that 28x28 plays the role of the original
   * 32x32; tanh activations and average pooling as in the paper's subsampling layers.
   */
  LENET5("LeNet-5", new DataSignature(Shape.of(1, 28, 28), 10), ModelTemplate::lenet5),
  /** A small AlexNet-style network (Krizhevsky et al., 2012) for 32x32 colour images: five convolutions, overlapping pooling. */
  ALEXNET_SMALL("AlexNet-style (32x32)", new DataSignature(Shape.of(3, 32, 32), 10), ModelTemplate::alexnetSmall),
  /** A VGG-style network (Simonyan and Zisserman, 2015) for 32x32 images: three blocks of two 3x3 convolutions and a pooling. */
  VGG_SMALL("VGG-style (32x32)", new DataSignature(Shape.of(3, 32, 32), 10), ModelTemplate::vggSmall),
  /**
   * A ResNet of basic blocks for 32x32 images (He et al., 2016, section 4.2): a 16-filter stem, then one block each of 16, 32 and
   * 64 filters, the last two halving the size with a 1x1 projection shortcut, global average pooling and Dense 10. The
   * convolutions keep their biases (the paper leaves them out before BatchNorm).
   */
  RESNET_SMALL("ResNet (basic blocks)", new DataSignature(Shape.of(3, 32, 32), 10), ModelTemplate::resnetSmall),
  /** A multi-layer perceptron for 28x28 images: 256 and 128 ReLU units with dropout. */
  MLP("MLP", new DataSignature(Shape.of(1, 28, 28), 10), ModelTemplate::mlp),
  /**
   * A sequence classifier after the Keras "Bidirectional LSTM on IMDB" example: 200 token ids, an embedding of 128, two
   * bidirectional LSTMs of 64 units and two class scores.
   */
  LSTM_CLASSIFIER("LSTM sequence classifier", new DataSignature(Shape.of(200), 2), ModelTemplate::lstmClassifier),
  /**
   * A small Transformer text classifier after the Keras "Text classification with Transformer" example: an embedding of 32, one
   * encoder block with 2 heads and a feed-forward width of 32, then Dense 20 and two class scores. It flattens the sequence where the
   * example averages over time, and has no position embedding (the catalog has none yet); flattening keeps the positions apart.
   */
  TRANSFORMER_CLASSIFIER("Transformer encoder classifier", new DataSignature(Shape.of(200), 2), ModelTemplate::transformerClassifier);

  private static final String BUNDLE = "org.layerlab.model.template.templates";

  private final String displayName;
  private final DataSignature data;
  private final Supplier<ModelSpec> model;

  ModelTemplate(String displayName, DataSignature data, Supplier<ModelSpec> model) {
    this.displayName = displayName;
    this.data = data;
    this.model = model;
  }

  public String displayName() {
    return displayName;
  }

  /** The samples and classes the template was made for. */
  public DataSignature data() {
    return data;
  }

  /** A fresh model; edit it freely. */
  public ModelSpec model() {
    return model.get();
  }

  /** One or two sentences on what the network is and where it comes from. */
  public String description(Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    if (!bundle.getLocale().getLanguage().equals(locale.getLanguage())) {
      bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
    }
    try {
      return bundle.getString(name() + ".description");
    } catch (MissingResourceException e) {
      return "";
    }
  }

  private static ModelSpec kerasCifar10Cnn() {
    return new Builder(3, 32, 32)
        .add("conv1", LayerType.CONV2D, "filters", 32, "activation", "relu")
        .add("pool1", LayerType.MAX_POOL2D)
        .add("conv2", LayerType.CONV2D, "filters", 64, "activation", "relu")
        .add("pool2", LayerType.MAX_POOL2D)
        .add("conv3", LayerType.CONV2D, "filters", 64, "activation", "relu")
        .add("flatten", LayerType.FLATTEN)
        .add("dense1", LayerType.DENSE, "units", 64, "activation", "relu")
        .add("dense2", LayerType.DENSE, "units", 10)
        .build();
  }

  private static ModelSpec lenet5() {
    return new Builder(1, 28, 28)
        .add("c1", LayerType.CONV2D, "filters", 6, "kernel", 5, "padding", "same", "activation", "tanh")
        .add("s2", LayerType.AVG_POOL2D)
        .add("c3", LayerType.CONV2D, "filters", 16, "kernel", 5, "activation", "tanh")
        .add("s4", LayerType.AVG_POOL2D)
        .add("flatten", LayerType.FLATTEN)
        .add("f5", LayerType.DENSE, "units", 120, "activation", "tanh")
        .add("f6", LayerType.DENSE, "units", 84, "activation", "tanh")
        .add("output", LayerType.DENSE, "units", 10)
        .build();
  }

  private static ModelSpec alexnetSmall() {
    return new Builder(3, 32, 32)
        .add("conv1", LayerType.CONV2D, "filters", 64, "kernel", 5, "padding", "same", "activation", "relu")
        .add("pool1", LayerType.MAX_POOL2D, "pool", 3, "stride", 2)
        .add("conv2", LayerType.CONV2D, "filters", 192, "kernel", 5, "padding", "same", "activation", "relu")
        .add("pool2", LayerType.MAX_POOL2D, "pool", 3, "stride", 2)
        .add("conv3", LayerType.CONV2D, "filters", 384, "padding", "same", "activation", "relu")
        .add("conv4", LayerType.CONV2D, "filters", 256, "padding", "same", "activation", "relu")
        .add("conv5", LayerType.CONV2D, "filters", 256, "padding", "same", "activation", "relu")
        .add("pool3", LayerType.MAX_POOL2D, "pool", 3, "stride", 2)
        .add("flatten", LayerType.FLATTEN)
        .add("dropout1", LayerType.DROPOUT)
        .add("fc1", LayerType.DENSE, "units", 1024, "activation", "relu")
        .add("dropout2", LayerType.DROPOUT)
        .add("fc2", LayerType.DENSE, "units", 512, "activation", "relu")
        .add("output", LayerType.DENSE, "units", 10)
        .build();
  }

  private static ModelSpec vggSmall() {
    Builder b = new Builder(3, 32, 32);
    int[] filters = {64, 128, 256};
    for (int block = 1; block <= filters.length; block++) {
      for (int conv = 1; conv <= 2; conv++) {
        b.add("block" + block + "_conv" + conv, LayerType.CONV2D, "filters", filters[block - 1], "padding", "same", "activation", "relu");
      }
      b.add("block" + block + "_pool", LayerType.MAX_POOL2D);
    }
    return b.add("flatten", LayerType.FLATTEN)
        .add("fc1", LayerType.DENSE, "units", 256, "activation", "relu")
        .add("dropout", LayerType.DROPOUT)
        .add("output", LayerType.DENSE, "units", 10)
        .build();
  }

  private static ModelSpec resnetSmall() {
    Builder b =
        new Builder(3, 32, 32)
            .add("stem_conv", LayerType.CONV2D, "filters", 16, "padding", "same")
            .add("stem_bn", LayerType.BATCH_NORM)
            .add("stem_relu", LayerType.RELU);
    String in = basicBlock(b, "stage1", "stem_relu", 16, 1, false);
    in = basicBlock(b, "stage2", in, 32, 2, true);
    basicBlock(b, "stage3", in, 64, 2, true);
    return b.add("pool", LayerType.GLOBAL_AVG_POOL2D).add("output", LayerType.DENSE, "units", 10).build();
  }

  /**
   * Appends a basic block reading {@code in}: conv-BN-ReLU-conv-BN, plus a shortcut (identity, or a strided 1x1 conv with BN),
   * added and passed through ReLU. Returns the id of the block's output.
   */
  private static String basicBlock(Builder b, String name, String in, int filters, int stride, boolean project) {
    b.add(name + "_conv1", LayerType.CONV2D, "filters", filters, "stride", stride, "padding", "same")
        .add(name + "_bn1", LayerType.BATCH_NORM)
        .add(name + "_relu1", LayerType.RELU)
        .add(name + "_conv2", LayerType.CONV2D, "filters", filters, "padding", "same")
        .add(name + "_bn2", LayerType.BATCH_NORM);
    String shortcut = in;
    if (project) {
      b.addReading(in, name + "_proj", LayerType.CONV2D, "filters", filters, "kernel", 1, "stride", stride)
          .add(name + "_proj_bn", LayerType.BATCH_NORM);
      shortcut = name + "_proj_bn";
    }
    b.addReading(List.of(name + "_bn2", shortcut), name + "_add", LayerType.ADD).add(name + "_relu2", LayerType.RELU);
    return name + "_relu2";
  }

  private static ModelSpec mlp() {
    return new Builder(1, 28, 28)
        .add("flatten", LayerType.FLATTEN)
        .add("dense1", LayerType.DENSE, "units", 256, "activation", "relu")
        .add("dropout", LayerType.DROPOUT, "rate", 0.2)
        .add("dense2", LayerType.DENSE, "units", 128, "activation", "relu")
        .add("output", LayerType.DENSE, "units", 10)
        .build();
  }

  private static ModelSpec lstmClassifier() {
    return new Builder(200)
        .add("embedding", LayerType.EMBEDDING, "vocabulary", 20_000, "dimension", 128)
        .add("lstm1", LayerType.LSTM, "units", 64, "output", "sequences", "direction", "bidirectional")
        .add("lstm2", LayerType.LSTM, "units", 64, "output", "last", "direction", "bidirectional")
        .add("output", LayerType.DENSE, "units", 2)
        .build();
  }

  private static ModelSpec transformerClassifier() {
    return new Builder(200)
        .add("embedding", LayerType.EMBEDDING, "vocabulary", 20_000, "dimension", 32)
        .add("encoder", LayerType.TRANSFORMER_ENCODER, "heads", 2, "feedForward", 32, "dropout", 0.1)
        .add("flatten", LayerType.FLATTEN)
        .add("dropout1", LayerType.DROPOUT, "rate", 0.1)
        .add("dense", LayerType.DENSE, "units", 20, "activation", "relu")
        .add("dropout2", LayerType.DROPOUT, "rate", 0.1)
        .add("output", LayerType.DENSE, "units", 2)
        .build();
  }

  /** Appends layers to a model that starts with an Input. */
  private static final class Builder {
    private final List<LayerSpec> layers = new ArrayList<>();

    Builder(int... inputShape) {
      layers.add(LayerSpec.of("input", LayerType.INPUT).with("shape", java.util.Arrays.stream(inputShape).boxed().toList()));
    }

    /** A layer reading the one added before it. */
    Builder add(String id, LayerType type, Object... settings) {
      return addReading(List.of(), id, type, settings);
    }

    Builder addReading(String input, String id, LayerType type, Object... settings) {
      return addReading(List.of(input), id, type, settings);
    }

    Builder addReading(List<String> inputs, String id, LayerType type, Object... settings) {
      LayerSpec layer = LayerSpec.of(id, type);
      for (int i = 0; i < settings.length; i += 2) {
        layer = layer.with((String) settings[i], settings[i + 1]);
      }
      boolean readsPrevious = inputs.size() == 1 && inputs.get(0).equals(layers.get(layers.size() - 1).id());
      layers.add(readsPrevious ? layer : layer.withInputs(inputs));
      return this;
    }

    ModelSpec build() {
      return new ModelSpec(layers);
    }
  }
}
