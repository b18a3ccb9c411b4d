package org.layerlab.runtime.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.runtime.data.FeatureScaling;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.checkpoint.Checkpoint;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.checkpoint.CheckpointKind;
import org.layerlab.runtime.compile.BlockCompiler;
import org.layerlab.runtime.compile.CompiledModel;
import org.layerlab.runtime.compile.InvalidModelException;

/**
 * A trained model loaded from a run's checkpoint folder for prediction: the project as trained is compiled for inference and given
 * the checkpoint's weights, and each sample comes out as class probabilities. Not thread-safe; close it to free the engine's memory.
 */
public final class Predictor implements AutoCloseable {

  private final Project project;
  private final Shape sampleShape;
  private final List<String> classNames;
  private final CheckpointKind kind;
  private final int epoch;
  private final boolean outputsProbabilities;
  private final FeatureScaling scaling;
  /** The names of a regression's outputs; empty for a classifier. */
  private final List<String> targetNames;
  private final Model model;
  private final ai.djl.inference.Predictor<NDList, NDList> engine;

  private Predictor(
      Project project,
      Shape sampleShape,
      List<String> classNames,
      Checkpoint checkpoint,
      CheckpointKind kind,
      CompiledModel compiled,
      FeatureScaling scaling)
      throws InvalidModelException {
    this.project = project;
    this.scaling = scaling;
    this.targetNames = regressionTargets(project);
    this.sampleShape = sampleShape;
    this.classNames = classNames;
    this.kind = kind;
    this.epoch = checkpoint.info().epoch();
    this.outputsProbabilities = BlockCompiler.endsInSoftmax(project.model());
    Model m = Model.newInstance("layerlab-predict", Device.cpu());
    try {
      m.setBlock(compiled.block());
      compiled.block().initialize(m.getNDManager(), DataType.FLOAT32, BlockCompiler.batchShape(sampleShape, 1));
      Checkpointing.restoreAll(ModelParameters.of(project.model(), compiled), checkpoint.parameters());
      this.engine = m.newPredictor(new NoopTranslator());
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
    this.model = m;
  }

  /**
   * Loads the model of the run whose checkpoint folder is {@code checkpointDir}: the best checkpoint, or the last when the run kept
   * no best one.
   *
   * @throws IOException when the folder holds no checkpoint or project, or they cannot be read
   */
  public static Predictor load(Path checkpointDir) throws IOException {
    CheckpointFolder folder = CheckpointFolder.of(checkpointDir);
    CheckpointKind kind = folder.has(CheckpointKind.BEST) ? CheckpointKind.BEST : CheckpointKind.LAST;
    if (!folder.has(kind)) {
      throw new IOException(
          folder.dir() + " holds no checkpoint: the run kept none, or stopped before its first epoch ended. Train it with checkpoints.");
    }
    String json =
        folder.readProject().orElseThrow(() -> new IOException(folder.dir() + " has no " + CheckpointFolder.PROJECT_FILE + " beside its checkpoints"));
    Project project;
    CompiledModel compiled;
    try {
      project = ProjectFiles.parse(json, folder.dir().resolve(CheckpointFolder.PROJECT_FILE));
      compiled = BlockCompiler.compileForInference(project.model());
    } catch (ProjectFileException | InvalidModelException e) {
      throw new IOException("the project beside the checkpoints cannot be used: " + e.getMessage(), e);
    }
    Shape shape = compiled.analysis().inputShape().orElseThrow(() -> new IOException("the model's input shape is unknown"));
    int classes = compiled.analysis().outputShape().map(o -> o.dim(0)).orElseThrow(() -> new IOException("the model's output is unknown"));
    List<String> names = folder.readClassNames().orElse(List.of());
    if (names.size() != classes) {
      names = new ArrayList<>();
      for (int c = 0; c < classes; c++) {
        names.add("class " + c);
      }
    }
    FeatureScaling scaling = null;
    Optional<String> savedScaling = folder.readScaling();
    if (savedScaling.isPresent()) {
      try {
        scaling = FeatureScaling.fromJson(savedScaling.get());
      } catch (IllegalArgumentException e) {
        throw new IOException(folder.dir().resolve(CheckpointFolder.SCALING_FILE) + " cannot be used: " + e.getMessage(), e);
      }
      if (!scaling.sampleShape().equals(shape)) {
        throw new IOException(
            "the saved normalisation is for samples of " + scaling.sampleShape() + " but the model takes " + shape + ": the run folder is damaged");
      }
    }
    Checkpoint checkpoint = folder.read(kind);
    try {
      return new Predictor(project, shape, List.copyOf(names), checkpoint, kind, compiled, scaling);
    } catch (InvalidModelException | RuntimeException e) {
      throw new IOException("the checkpoint does not fit its project's model: " + e.getMessage(), e);
    }
  }

  /** The shape of one sample, as the model's Input layer declares it. */
  public Shape sampleShape() {
    return sampleShape;
  }

  public List<String> classNames() {
    return classNames;
  }

  public Project project() {
    return project;
  }

  /** Whether the model predicts numbers (a regression) rather than classes: then use {@link #predictValues}. */
  public boolean isRegression() {
    return !targetNames.isEmpty();
  }

  /** The names of the values a regression predicts, such as its CSV target columns; empty for a classifier. */
  public List<String> targetNames() {
    return targetNames;
  }

  /**
   * What a regression model predicts for one sample of {@link #sampleShape()} with its raw values (scaled here as the training data
   * was): one value per {@linkplain #targetNames() target}.
   *
   * @throws IllegalArgumentException when the sample has the wrong number of values
   */
  public float[] predictValues(float[] sample) {
    if (!isRegression()) {
      throw new IllegalStateException(project.name() + " is a classifier: use predict for its class probabilities");
    }
    return outputs(sample);
  }

  /** The targets of a project whose dataset is a regression, else empty. */
  private static List<String> regressionTargets(Project p) {
    if (p.dataset() instanceof DatasetRef.Csv c && c.task() == DatasetRef.Task.REGRESSION) {
      return c.targets();
    }
    if (p.dataset() instanceof DatasetRef.Synthetic s && s.kind().task() == DatasetRef.Task.REGRESSION) {
      return List.of("y");
    }
    return List.of();
  }

  /** The normalisation the training data had and every sample is given before the model sees it; empty for none. */
  public Optional<FeatureScaling> scaling() {
    return Optional.ofNullable(scaling);
  }

  /** Which checkpoint was loaded, and after which epoch it was taken. */
  public String describeCheckpoint() {
    return kind.folderName() + " checkpoint, after epoch " + epoch;
  }

  /**
   * The class probabilities of one sample of {@link #sampleShape()}, flattened as the training data holds samples, with its raw
   * values: the normalisation fitted to the training data, if it had one, is applied here first.
   *
   * @throws IllegalArgumentException when the sample has the wrong number of values
   */
  public Prediction predict(float[] sample) {
    if (isRegression()) {
      throw new IllegalStateException(project.name() + " is a regression: use predictValues for the numbers it predicts");
    }
    float[] out = outputs(sample);
    if (!outputsProbabilities) {
      out = softmax(out);
    }
    List<Prediction.ClassProbability> ranked = new ArrayList<>();
    for (int c = 0; c < out.length; c++) {
      ranked.add(new Prediction.ClassProbability(c, classNames.get(c), out[c]));
    }
    ranked.sort(Comparator.comparingDouble(Prediction.ClassProbability::probability).reversed());
    return new Prediction(ranked);
  }

  private static float[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] e = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      e[i] = Math.exp(logits[i] - max);
      sum += e[i];
    }
    float[] p = new float[logits.length];
    for (int i = 0; i < logits.length; i++) {
      p[i] = (float) (e[i] / sum);
    }
    return p;
  }

  /** The model's outputs for one sample with raw values, scaled first as the training data was. */
  private float[] outputs(float[] sample) {
    Objects.requireNonNull(sample, "sample");
    if (sample.length != sampleShape.elements()) {
      throw new IllegalArgumentException(
          "the model takes samples of " + sampleShape + " (" + sampleShape.elements() + " values), got " + sample.length + " values");
    }
    if (scaling != null) {
      sample = sample.clone();
      scaling.apply(sample, 1);
    }
    boolean gradMode = "PyTorch".equals(Engine.getInstance().getEngineName()) && JniUtils.isGradMode();
    if (gradMode) {
      JniUtils.setGradMode(false);
    }
    float[] out;
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDList input = new NDList(scope.create(sample, BlockCompiler.batchShape(sampleShape, 1)));
      NDList output = engine.predict(input);
      out = output.singletonOrThrow().toFloatArray();
    } catch (TranslateException e) {
      throw new IllegalStateException("the engine could not run the model: " + e.getMessage(), e);
    } finally {
      if (gradMode) {
        JniUtils.setGradMode(true);
      }
    }
    return out;
  }

  @Override
  public void close() {
    engine.close();
    model.close();
  }
}
