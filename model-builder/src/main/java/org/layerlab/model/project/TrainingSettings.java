package org.layerlab.model.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to train: optimizer, learning rate, batch size, epochs, seed and the share of the training data held out for validation.
 *
 * @param momentum used by SGD only
 * @param validationFraction share of the training samples held out, by a split seeded with {@code seed}
 */
public record TrainingSettings(
    OptimizerKind optimizer, double learningRate, double momentum, int batchSize, int epochs, long seed, double validationFraction) {

  public static TrainingSettings defaults() {
    return new TrainingSettings(OptimizerKind.ADAM, 0.001, 0.9, 32, 10, 42, 0.2);
  }

  public TrainingSettings withOptimizer(OptimizerKind v) {
    return new TrainingSettings(v, learningRate, momentum, batchSize, epochs, seed, validationFraction);
  }

  public TrainingSettings withLearningRate(double v) {
    return new TrainingSettings(optimizer, v, momentum, batchSize, epochs, seed, validationFraction);
  }

  public TrainingSettings withMomentum(double v) {
    return new TrainingSettings(optimizer, learningRate, v, batchSize, epochs, seed, validationFraction);
  }

  public TrainingSettings withBatchSize(int v) {
    return new TrainingSettings(optimizer, learningRate, momentum, v, epochs, seed, validationFraction);
  }

  public TrainingSettings withEpochs(int v) {
    return new TrainingSettings(optimizer, learningRate, momentum, batchSize, v, seed, validationFraction);
  }

  public TrainingSettings withSeed(long v) {
    return new TrainingSettings(optimizer, learningRate, momentum, batchSize, epochs, v, validationFraction);
  }

  public TrainingSettings withValidationFraction(double v) {
    return new TrainingSettings(optimizer, learningRate, momentum, batchSize, epochs, seed, v);
  }

  /** What is out of range, each message naming the setting and its allowed values; empty when all is well. */
  public List<String> problems() {
    return List.copyOf(fieldProblems().values());
  }

  /**
   * The same problems keyed by the field's name in the project file ({@code learningRate}, {@code batchSize}, ...), in field order,
   * so that a file reader or a form can point at the field at fault.
   */
  public Map<String, String> fieldProblems() {
    Map<String, String> p = new LinkedHashMap<>();
    if (optimizer == null) {
      p.put("optimizer", "optimizer must be one of sgd, adam");
    }
    if (!(learningRate > 0 && learningRate <= 10)) {
      p.put(
          "learningRate",
          "learning rate must be above 0 and at most 10, got " + learningRate + " (try 0.001 for Adam, 0.01 to 0.1 for SGD)");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      p.put("momentum", "momentum must be from 0 to below 1, got " + momentum + " (0.9 is usual)");
    }
    if (batchSize < 1 || batchSize > 65_536) {
      p.put("batchSize", "batch size must be from 1 to 65536, got " + batchSize);
    }
    if (epochs < 1 || epochs > 100_000) {
      p.put("epochs", "epochs must be from 1 to 100000, got " + epochs);
    }
    if (!(validationFraction > 0 && validationFraction < 1)) {
      p.put(
          "validationFraction",
          "validation fraction must be above 0 and below 1, got " + validationFraction + " (0.1 to 0.2 is usual)");
    }
    return p;
  }
}
