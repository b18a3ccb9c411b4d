package org.layerlab.model.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.model.ModelMessages;

/**
 * How to train: the optimizer and its learning rate, batch size, epochs, seed and the share of the training data held out for
 * validation, and, each with a default that changes nothing, the finer choices: optimizer options, a learning-rate schedule, the loss,
 * early stopping, transfer from an earlier run, the engine's thread count and what a run reports.
 *
 * <p><b>Optimizer and algorithm.</b> {@code optimizer} is the family the workbench offers ({@link OptimizerKind}: SGD or Adam);
 * {@code algorithm} is the exact update rule. They always agree: a null algorithm means the family's own rule, and an algorithm of
 * another family moves {@code optimizer} to that family ({@link Algorithm#family()}). {@link #withOptimizer} keeps the algorithm when
 * the family does not change, so that a form showing only the family does not undo an AdamW read from a file.
 *
 * @param momentum used by SGD only
 * @param validationFraction share of the training samples held out, by a split seeded with {@code seed}
 * @param algorithm the update rule; never null after construction
 * @param optimizerOptions weight decay, Nesterov, betas, epsilon, rho and gradient clipping
 * @param schedule how the learning rate changes during the run
 * @param loss the loss the model minimises
 * @param earlyStopping when to end a run that has stopped improving, or {@code null} to always train every epoch
 * @param transfer the earlier run to start from, or {@code null} to start from fresh weights
 * @param threads how many threads the engine uses inside one operation, 0 for the engine's default
 * @param reporting what a run reports besides its losses
 * @param device where to train: {@link DeviceChoice#AUTO} (a GPU when the engine finds one, else the CPU) unless the project says
 *     otherwise; never null after construction
 */
public record TrainingSettings(
    OptimizerKind optimizer,
    double learningRate,
    double momentum,
    int batchSize,
    int epochs,
    long seed,
    double validationFraction,
    Algorithm algorithm,
    OptimizerOptions optimizerOptions,
    Schedule schedule,
    LossFunction loss,
    EarlyStopping earlyStopping,
    Transfer transfer,
    int threads,
    Reporting reporting,
    DeviceChoice device) {

  public TrainingSettings {
    device = device == null ? DeviceChoice.AUTO : device;
    if (algorithm == null) {
      algorithm = optimizer == null ? null : Algorithm.of(optimizer);
    } else {
      optimizer = algorithm.family();
    }
    optimizerOptions = optimizerOptions == null ? OptimizerOptions.DEFAULT : optimizerOptions;
    schedule = schedule == null ? Schedule.CONSTANT : schedule;
    loss = loss == null ? LossFunction.DEFAULT : loss;
    reporting = reporting == null ? Reporting.DEFAULT : reporting;
  }

  /** Every setting but the device, which is then {@link DeviceChoice#AUTO}: the settings before the device was one. */
  public TrainingSettings(
      OptimizerKind optimizer,
      double learningRate,
      double momentum,
      int batchSize,
      int epochs,
      long seed,
      double validationFraction,
      Algorithm algorithm,
      OptimizerOptions optimizerOptions,
      Schedule schedule,
      LossFunction loss,
      EarlyStopping earlyStopping,
      Transfer transfer,
      int threads,
      Reporting reporting) {
    this(
        optimizer,
        learningRate,
        momentum,
        batchSize,
        epochs,
        seed,
        validationFraction,
        algorithm,
        optimizerOptions,
        schedule,
        loss,
        earlyStopping,
        transfer,
        threads,
        reporting,
        DeviceChoice.AUTO);
  }

  /** The settings of the first project format: every newer choice at its default. */
  public TrainingSettings(
      OptimizerKind optimizer, double learningRate, double momentum, int batchSize, int epochs, long seed, double validationFraction) {
    this(optimizer, learningRate, momentum, batchSize, epochs, seed, validationFraction, null, null, null, null, null, null, 0, null);
  }

  public static TrainingSettings defaults() {
    return new TrainingSettings(OptimizerKind.ADAM, 0.001, 0.9, 32, 10, 42, 0.2);
  }

  /** The family changes the algorithm to the family's own rule; the same family keeps the algorithm (AdamW stays AdamW). */
  public TrainingSettings withOptimizer(OptimizerKind v) {
    Algorithm a = v == optimizer ? algorithm : (v == null ? null : Algorithm.of(v));
    return edit(e -> {
      e.optimizer = v;
      e.algorithm = a;
    });
  }

  public TrainingSettings withAlgorithm(Algorithm v) {
    Objects.requireNonNull(v, "algorithm");
    return edit(e -> e.algorithm = v);
  }

  public TrainingSettings withLearningRate(double v) {
    return edit(e -> e.learningRate = v);
  }

  public TrainingSettings withMomentum(double v) {
    return edit(e -> e.momentum = v);
  }

  public TrainingSettings withBatchSize(int v) {
    return edit(e -> e.batchSize = v);
  }

  public TrainingSettings withEpochs(int v) {
    return edit(e -> e.epochs = v);
  }

  public TrainingSettings withSeed(long v) {
    return edit(e -> e.seed = v);
  }

  public TrainingSettings withValidationFraction(double v) {
    return edit(e -> e.validationFraction = v);
  }

  public TrainingSettings withOptimizerOptions(OptimizerOptions v) {
    return edit(e -> e.optimizerOptions = v);
  }

  public TrainingSettings withSchedule(Schedule v) {
    return edit(e -> e.schedule = v);
  }

  public TrainingSettings withLoss(LossFunction v) {
    return edit(e -> e.loss = v);
  }

  /** @param v the rule, or {@code null} to train every epoch */
  public TrainingSettings withEarlyStopping(EarlyStopping v) {
    return edit(e -> e.earlyStopping = v);
  }

  /** @param v where to start from, or {@code null} for fresh weights */
  public TrainingSettings withTransfer(Transfer v) {
    return edit(e -> e.transfer = v);
  }

  public TrainingSettings withThreads(int v) {
    return edit(e -> e.threads = v);
  }

  public TrainingSettings withReporting(Reporting v) {
    return edit(e -> e.reporting = v);
  }

  public TrainingSettings withDevice(DeviceChoice v) {
    return edit(e -> e.device = v);
  }

  /** A copy with the fields {@code change} sets. The canonical constructor then makes optimizer and algorithm agree. */
  private TrainingSettings edit(Consumer<Edit> change) {
    Edit e = new Edit(this);
    change.accept(e);
    return e.build();
  }

  /** The fields of a settings object being copied with changes. */
  private static final class Edit {
    OptimizerKind optimizer;
    double learningRate;
    double momentum;
    int batchSize;
    int epochs;
    long seed;
    double validationFraction;
    Algorithm algorithm;
    OptimizerOptions optimizerOptions;
    Schedule schedule;
    LossFunction loss;
    EarlyStopping earlyStopping;
    Transfer transfer;
    int threads;
    Reporting reporting;
    DeviceChoice device;

    Edit(TrainingSettings t) {
      optimizer = t.optimizer;
      learningRate = t.learningRate;
      momentum = t.momentum;
      batchSize = t.batchSize;
      epochs = t.epochs;
      seed = t.seed;
      validationFraction = t.validationFraction;
      algorithm = t.algorithm;
      optimizerOptions = t.optimizerOptions;
      schedule = t.schedule;
      loss = t.loss;
      earlyStopping = t.earlyStopping;
      transfer = t.transfer;
      threads = t.threads;
      reporting = t.reporting;
      device = t.device;
    }

    TrainingSettings build() {
      return new TrainingSettings(
          optimizer,
          learningRate,
          momentum,
          batchSize,
          epochs,
          seed,
          validationFraction,
          algorithm,
          optimizerOptions,
          schedule,
          loss,
          earlyStopping,
          transfer,
          threads,
          reporting,
          device);
    }
  }

  /** What is out of range, each message naming the setting and its allowed values; empty when all is well. */
  public List<String> problems() {
    return List.copyOf(fieldProblems().values());
  }

  /** {@link #problems()} in {@code locale}'s language, as {@link #fieldProblems(Locale)} gives them. */
  public List<String> problems(Locale locale) {
    return List.copyOf(fieldProblems(locale).values());
  }

  /**
   * The same problems keyed by the field's path in the project file's training block ({@code learningRate}, {@code schedule.gamma},
   * ...), in field order, so that a file reader or a form can point at the field at fault.
   */
  public Map<String, String> fieldProblems() {
    return fieldProblems(Locale.ENGLISH);
  }

  /**
   * {@link #fieldProblems()} with the messages of the optimizer, learning rate, momentum, batch size, epochs, validation fraction,
   * threads in {@code locale}'s language (English when there is no bundle for it), naming the same values; so are the finer
   * options' (optimizer options, schedule, loss, early stopping, transfer, reporting).
   */
  public Map<String, String> fieldProblems(Locale locale) {
    ModelMessages m = ModelMessages.of(locale);
    Map<String, String> p = new LinkedHashMap<>();
    if (optimizer == null) {
      p.put("optimizer", m.get("settings.optimizer", Algorithm.jsonNames()));
    }
    if (!(learningRate > 0 && learningRate <= 10)) {
      p.put("learningRate", m.get("settings.learningRate", String.valueOf(learningRate)));
    }
    if (!(momentum >= 0 && momentum < 1)) {
      p.put("momentum", m.get("settings.momentum", String.valueOf(momentum)));
    }
    if (batchSize < 1 || batchSize > 65_536) {
      p.put("batchSize", m.get("settings.batchSize", String.valueOf(batchSize)));
    }
    if (epochs < 1 || epochs > 100_000) {
      p.put("epochs", m.get("settings.epochs", String.valueOf(epochs)));
    }
    if (!(validationFraction > 0 && validationFraction < 1)) {
      p.put("validationFraction", m.get("settings.validationFraction", String.valueOf(validationFraction)));
    }
    optimizerOptions.problems(algorithm, momentum, p, m);
    schedule.problems(epochs, p, m);
    loss.problems(p, m);
    if (earlyStopping != null) {
      earlyStopping.problems(p, m);
    }
    if (transfer != null) {
      transfer.problems(p, m);
    }
    if (threads < 0 || threads > 256) {
      p.put("threads", m.get("settings.threads", String.valueOf(threads)));
    }
    reporting.problems(p, m);
    return p;
  }

  /** Where a run trains. */
  public enum DeviceChoice implements JsonNamed {
    /** A GPU when the engine finds one, else the CPU. */
    AUTO("auto"),
    /** The CPU, even when there is a GPU. */
    CPU("cpu"),
    /** The first GPU; a run fails with a message when the engine finds none. */
    GPU("gpu");

    private final String jsonName;

    DeviceChoice(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static DeviceChoice fromJsonName(String s) {
      return JsonNamed.find(values(), s.trim()).orElseThrow(() -> LocalizedArgumentException.of("settings.unknownDevice", s));
    }
  }

  /** The exact update rule of an optimizer. */
  public enum Algorithm implements JsonNamed {
    /** Stochastic gradient descent, with momentum and optionally Nesterov momentum. */
    SGD(OptimizerKind.SGD),
    /** Adam with L2 weight decay (Kingma and Ba, 2015). */
    ADAM(OptimizerKind.ADAM),
    /** Adam with decoupled weight decay (Loshchilov and Hutter, 2019). */
    ADAMW(OptimizerKind.ADAM),
    /** Adagrad (Duchi, Hazan and Singer, 2011). */
    ADAGRAD(OptimizerKind.ADAM),
    /** RMSProp (Tieleman and Hinton, 2012). */
    RMSPROP(OptimizerKind.ADAM),
    /** Adadelta (Zeiler, 2012). */
    ADADELTA(OptimizerKind.ADAM);

    private final OptimizerKind family;

    Algorithm(OptimizerKind family) {
      this.family = family;
    }

    /** The family the workbench's optimizer list shows: SGD for SGD, Adam for the adaptive rules. */
    public OptimizerKind family() {
      return family;
    }

    /** The family's own rule. */
    public static Algorithm of(OptimizerKind kind) {
      return kind == OptimizerKind.SGD ? SGD : ADAM;
    }

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is not an algorithm's */
    public static Algorithm fromJsonName(String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** The names a project file may give, such as "sgd, adam, adamw, ...". */
    public static String jsonNames() {
      return JsonNamed.list(values());
    }
  }

  /**
   * The optimizer's finer settings. NaN for epsilon or rho means the algorithm's own default (PyTorch's: epsilon 1e-8 for Adam and
   * RMSProp, 1e-10 for Adagrad, 1e-6 for Adadelta; rho 0.99 for RMSProp, 0.9 for Adadelta).
   *
   * @param nesterov SGD only: Nesterov momentum (needs a momentum above 0)
   * @param weightDecay L2 decay added to the gradient, or for AdamW decoupled decay of the weights; 0 for none
   * @param beta1 Adam and AdamW: decay of the gradient's running mean
   * @param beta2 Adam and AdamW: decay of the squared gradient's running mean
   * @param rho RMSProp and Adadelta: decay of their running means
   * @param gradientClipNorm the largest global gradient norm, above which a step's gradients are scaled down; 0 for no clipping
   */
  public record OptimizerOptions(
      boolean nesterov, double weightDecay, double beta1, double beta2, double epsilon, double rho, double gradientClipNorm) {

    public static final OptimizerOptions DEFAULT = new OptimizerOptions(false, 0, 0.9, 0.999, Double.NaN, Double.NaN, 0);

    public OptimizerOptions withNesterov(boolean v) {
      return new OptimizerOptions(v, weightDecay, beta1, beta2, epsilon, rho, gradientClipNorm);
    }

    public OptimizerOptions withWeightDecay(double v) {
      return new OptimizerOptions(nesterov, v, beta1, beta2, epsilon, rho, gradientClipNorm);
    }

    public OptimizerOptions withBetas(double b1, double b2) {
      return new OptimizerOptions(nesterov, weightDecay, b1, b2, epsilon, rho, gradientClipNorm);
    }

    public OptimizerOptions withEpsilon(double v) {
      return new OptimizerOptions(nesterov, weightDecay, beta1, beta2, v, rho, gradientClipNorm);
    }

    public OptimizerOptions withRho(double v) {
      return new OptimizerOptions(nesterov, weightDecay, beta1, beta2, epsilon, v, gradientClipNorm);
    }

    public OptimizerOptions withGradientClipNorm(double v) {
      return new OptimizerOptions(nesterov, weightDecay, beta1, beta2, epsilon, rho, v);
    }

    void problems(Algorithm algorithm, double momentum, Map<String, String> p, ModelMessages msg) {
      if (nesterov && (algorithm != Algorithm.SGD || !(momentum > 0))) {
        p.put("nesterov", msg.get("settings.nesterov"));
      }
      if (!(weightDecay >= 0 && weightDecay <= 1)) {
        p.put("weightDecay", msg.get("settings.weightDecay", String.valueOf(weightDecay)));
      }
      if (!(beta1 >= 0 && beta1 < 1)) {
        p.put("beta1", msg.get("settings.beta1", String.valueOf(beta1)));
      }
      if (!(beta2 >= 0 && beta2 < 1)) {
        p.put("beta2", msg.get("settings.beta2", String.valueOf(beta2)));
      }
      if (!Double.isNaN(epsilon) && !(epsilon > 0 && epsilon < 1)) {
        p.put("epsilon", msg.get("settings.epsilon", String.valueOf(epsilon)));
      }
      if (!Double.isNaN(rho) && !(rho >= 0 && rho < 1)) {
        p.put("rho", msg.get("settings.rho", String.valueOf(rho)));
      }
      if (!(gradientClipNorm >= 0 && Double.isFinite(gradientClipNorm))) {
        p.put("gradientClipNorm", msg.get("settings.gradientClipNorm", String.valueOf(gradientClipNorm)));
      }
    }
  }

  /** The kinds of learning-rate schedule. */
  public enum ScheduleKind implements JsonNamed {
    /** The learning rate throughout. */
    CONSTANT("constant"),
    /** Times {@code gamma} every {@code everyEpochs} epochs. */
    STEP("step"),
    /** Times {@code gamma} at each epoch of {@code milestones}. */
    MULTI_STEP("multistep"),
    /** Times {@code gamma} every epoch. */
    EXPONENTIAL("exponential"),
    /** Half a cosine down to {@code minLearningRate} over the run. */
    COSINE("cosine"),
    /** A linear climb over {@code warmupEpochs}, then the cosine. */
    WARMUP_COSINE("warmup-cosine"),
    /** Times {@code gamma} when {@code monitor} has not improved for {@code patience} epochs. */
    PLATEAU("plateau");

    private final String jsonName;

    ScheduleKind(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static ScheduleKind fromJsonName(String s) {
      return JsonNamed.find(values(), s.trim()).orElseThrow(() -> LocalizedArgumentException.of("settings.unknownSchedule", s, String.valueOf(jsonNames())));
    }

    public static String jsonNames() {
      return JsonNamed.list(values());
    }
  }

  /**
   * How the learning rate changes during a run. Epochs count from 0 here, as in PyTorch's schedulers: a step schedule with
   * {@code everyEpochs} 2 lowers the rate when the third epoch begins. Only the fields of the kind are used.
   *
   * @param gamma the factor each decay multiplies the rate by (step, multistep, exponential, plateau)
   * @param everyEpochs step: epochs between decays
   * @param milestones multistep: the epochs at which the rate decays, ascending
   * @param warmupEpochs warmup-cosine: epochs of linear warm-up
   * @param minLearningRate cosine and warmup-cosine: the rate at the end; plateau: the lowest rate
   * @param patience plateau: epochs without improvement before the rate decays
   * @param monitor plateau: the metric watched
   */
  public record Schedule(
      ScheduleKind kind,
      double gamma,
      int everyEpochs,
      List<Integer> milestones,
      int warmupEpochs,
      double minLearningRate,
      int patience,
      Metric monitor) {

    public static final Schedule CONSTANT = new Schedule(ScheduleKind.CONSTANT, 0.1, 1, List.of(), 0, 0, 5, Metric.VALIDATION_LOSS);

    public Schedule {
      Objects.requireNonNull(kind, "kind");
      milestones = milestones == null ? List.of() : List.copyOf(milestones);
      monitor = monitor == null ? Metric.VALIDATION_LOSS : monitor;
    }

    public static Schedule step(int everyEpochs, double gamma) {
      return new Schedule(ScheduleKind.STEP, gamma, everyEpochs, List.of(), 0, 0, 5, Metric.VALIDATION_LOSS);
    }

    public static Schedule multiStep(List<Integer> milestones, double gamma) {
      return new Schedule(ScheduleKind.MULTI_STEP, gamma, 1, milestones, 0, 0, 5, Metric.VALIDATION_LOSS);
    }

    public static Schedule exponential(double gamma) {
      return new Schedule(ScheduleKind.EXPONENTIAL, gamma, 1, List.of(), 0, 0, 5, Metric.VALIDATION_LOSS);
    }

    public static Schedule cosine(double minLearningRate) {
      return new Schedule(ScheduleKind.COSINE, 0.1, 1, List.of(), 0, minLearningRate, 5, Metric.VALIDATION_LOSS);
    }

    public static Schedule warmupCosine(int warmupEpochs, double minLearningRate) {
      return new Schedule(ScheduleKind.WARMUP_COSINE, 0.1, 1, List.of(), warmupEpochs, minLearningRate, 5, Metric.VALIDATION_LOSS);
    }

    public static Schedule plateau(Metric monitor, double gamma, int patience, double minLearningRate) {
      return new Schedule(ScheduleKind.PLATEAU, gamma, 1, List.of(), 0, minLearningRate, patience, monitor);
    }

    void problems(int epochs, Map<String, String> p, ModelMessages msg) {
      boolean decays = kind == ScheduleKind.STEP || kind == ScheduleKind.MULTI_STEP || kind == ScheduleKind.EXPONENTIAL;
      if (decays && !(gamma > 0 && gamma <= 1)) {
        p.put("schedule.gamma", msg.get("settings.schedule.gammaDecay", String.valueOf(gamma)));
      }
      if (kind == ScheduleKind.PLATEAU && !(gamma > 0 && gamma < 1)) {
        p.put("schedule.gamma", msg.get("settings.schedule.gammaPlateau", String.valueOf(gamma)));
      }
      if (kind == ScheduleKind.STEP && everyEpochs < 1) {
        p.put("schedule.everyEpochs", msg.get("settings.schedule.everyEpochs", String.valueOf(everyEpochs)));
      }
      if (kind == ScheduleKind.MULTI_STEP) {
        for (int i = 0; i < milestones.size(); i++) {
          Integer m = milestones.get(i);
          if (m == null || m < 0 || (i > 0 && milestones.get(i - 1) != null && m <= milestones.get(i - 1))) {
            p.put("schedule.milestones", msg.get("settings.schedule.milestones", String.valueOf(milestones)));
            break;
          }
        }
      }
      if (kind == ScheduleKind.WARMUP_COSINE && (warmupEpochs < 1 || warmupEpochs >= epochs)) {
        p.put(
            "schedule.warmupEpochs",
            msg.get("settings.schedule.warmupEpochs", String.valueOf(epochs - 1), String.valueOf(epochs), String.valueOf(warmupEpochs)));
      }
      if (!(minLearningRate >= 0 && Double.isFinite(minLearningRate))) {
        p.put("schedule.minLearningRate", msg.get("settings.schedule.minLearningRate", String.valueOf(minLearningRate)));
      }
      if (kind == ScheduleKind.PLATEAU && patience < 0) {
        p.put("schedule.patience", msg.get("settings.schedule.patience", String.valueOf(patience)));
      }
    }
  }

  /** A metric watched by early stopping or a plateau schedule; each knows whether lower or higher is better. */
  public enum Metric implements JsonNamed {
    VALIDATION_LOSS("validation_loss", false),
    VALIDATION_ACCURACY("validation_accuracy", true),
    /** The macro-averaged F1 score over the classes of the validation set. */
    VALIDATION_F1("validation_f1", true),
    TRAIN_LOSS("train_loss", false);

    private final String jsonName;
    private final boolean higherIsBetter;

    Metric(String jsonName, boolean higherIsBetter) {
      this.jsonName = jsonName;
      this.higherIsBetter = higherIsBetter;
    }

    public String jsonName() {
      return jsonName;
    }

    public boolean higherIsBetter() {
      return higherIsBetter;
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static Metric fromJsonName(String s) {
      return JsonNamed.find(values(), s.trim()).orElseThrow(() -> LocalizedArgumentException.of("settings.unknownMetric", s, String.valueOf(jsonNames())));
    }

    public static String jsonNames() {
      return JsonNamed.list(values());
    }
  }

  /** The losses a model can minimise. */
  public enum LossKind implements JsonNamed {
    /** Softmax cross-entropy on the logits, for classification; may smooth its labels. */
    SOFTMAX_CROSS_ENTROPY("softmax-cross-entropy"),
    /** Sigmoid binary cross-entropy per output; class indices become one-vs-rest targets. */
    BINARY_CROSS_ENTROPY("binary-cross-entropy"),
    /** Mean squared error; class indices become one-hot targets. */
    MEAN_SQUARED_ERROR("mse"),
    /** Mean absolute error. */
    L1("l1"),
    /** Huber loss: squared near the target, linear beyond {@code huberDelta}. */
    HUBER("huber");

    private final String jsonName;

    LossKind(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static LossKind fromJsonName(String s) {
      return JsonNamed.find(values(), s.trim()).orElseThrow(() -> LocalizedArgumentException.of("settings.unknownLoss", s, String.valueOf(jsonNames())));
    }

    public static String jsonNames() {
      return JsonNamed.list(values());
    }
  }

  /**
   * The loss.
   *
   * @param labelSmoothing softmax cross-entropy only: the share of each target spread evenly over all classes, 0 for none
   * @param huberDelta Huber only: where the loss turns from squared to linear
   */
  public record LossFunction(LossKind kind, double labelSmoothing, double huberDelta) {

    public static final LossFunction DEFAULT = new LossFunction(LossKind.SOFTMAX_CROSS_ENTROPY, 0, 1);

    public LossFunction {
      Objects.requireNonNull(kind, "kind");
    }

    public static LossFunction of(LossKind kind) {
      return new LossFunction(kind, 0, 1);
    }

    public LossFunction withLabelSmoothing(double v) {
      return new LossFunction(kind, v, huberDelta);
    }

    void problems(Map<String, String> p, ModelMessages msg) {
      if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
        p.put("loss.labelSmoothing", msg.get("settings.loss.labelSmoothing", String.valueOf(labelSmoothing)));
      } else if (labelSmoothing > 0 && kind != LossKind.SOFTMAX_CROSS_ENTROPY) {
        p.put("loss.labelSmoothing", msg.get("settings.loss.labelSmoothingKind", kind.jsonName()));
      }
      if (!(huberDelta > 0 && Double.isFinite(huberDelta))) {
        p.put("loss.huberDelta", msg.get("settings.loss.huberDelta", String.valueOf(huberDelta)));
      }
    }
  }

  /**
   * Ends a run early when {@code metric} has not improved by more than {@code minDelta} for {@code patience} epochs in a row.
   *
   * @param minDelta the smallest change that counts as an improvement, in the metric's units
   */
  public record EarlyStopping(Metric metric, int patience, double minDelta) {

    public EarlyStopping {
      Objects.requireNonNull(metric, "metric");
    }

    void problems(Map<String, String> p, ModelMessages msg) {
      if (patience < 1 || patience > 10_000) {
        p.put("earlyStopping.patience", msg.get("settings.earlyStopping.patience", String.valueOf(patience)));
      }
      if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
        p.put("earlyStopping.minDelta", msg.get("settings.earlyStopping.minDelta", String.valueOf(minDelta)));
      }
    }
  }

  /** Which checkpoint of an earlier run to start from. */
  public enum CheckpointChoice {
    /** The epoch with the best validation figure. */
    BEST,
    /** The last completed epoch. */
    LAST;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static CheckpointChoice fromJsonName(String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * Transfer learning: start from the weights of an earlier run. Layers of this model whose id and parameter shapes match a layer of
   * the earlier one take its weights; the others start fresh.
   *
   * @param from a run id, or a run's checkpoint folder (relative to the project folder, or absolute)
   * @param freeze ids of layers whose weights do not change in this run
   * @param replaceHead the last layer with weights starts fresh even when its shapes match (new classes of the same number)
   * @param bodyLearningRateFactor the learning rate of the layers that took earlier weights, as a share of the rate of the layers that
   *     start fresh (the head); 1 for the same rate
   */
  public record Transfer(
      String from, CheckpointChoice checkpoint, List<String> freeze, boolean replaceHead, double bodyLearningRateFactor) {

    public Transfer {
      Objects.requireNonNull(from, "from");
      checkpoint = checkpoint == null ? CheckpointChoice.BEST : checkpoint;
      freeze = freeze == null ? List.of() : List.copyOf(freeze);
    }

    /** Starts from {@code from}'s best checkpoint, nothing frozen, a fresh head, the same learning rate throughout. */
    public static Transfer from(String from) {
      return new Transfer(from, CheckpointChoice.BEST, List.of(), true, 1);
    }

    public Transfer withFrom(String v) {
      return new Transfer(v, checkpoint, freeze, replaceHead, bodyLearningRateFactor);
    }

    public Transfer withFreeze(List<String> layerIds) {
      return new Transfer(from, checkpoint, layerIds, replaceHead, bodyLearningRateFactor);
    }

    public Transfer withBodyLearningRateFactor(double v) {
      return new Transfer(from, checkpoint, freeze, replaceHead, v);
    }

    void problems(Map<String, String> p, ModelMessages msg) {
      if (from.isBlank()) {
        p.put("transfer.from", msg.get("settings.transfer.from"));
      }
      if (!(bodyLearningRateFactor > 0 && bodyLearningRateFactor <= 1)) {
        p.put(
            "transfer.bodyLearningRateFactor",
            msg.get("settings.transfer.bodyLearningRateFactor", String.valueOf(bodyLearningRateFactor)));
      }
    }
  }

  /**
   * What a run reports besides its losses and accuracy.
   *
   * @param histogramEvery a histogram of each layer's weights and gradients every this many steps; 0 for none
   * @param worstSamples how many of the worst-classified test samples the final report names
   */
  public record Reporting(int histogramEvery, int worstSamples) {

    public static final Reporting DEFAULT = new Reporting(0, 10);

    void problems(Map<String, String> p, ModelMessages msg) {
      if (histogramEvery < 0) {
        p.put("histogramEvery", msg.get("settings.histogramEvery", String.valueOf(histogramEvery)));
      }
      if (worstSamples < 0 || worstSamples > 1000) {
        p.put("worstSamples", msg.get("settings.worstSamples", String.valueOf(worstSamples)));
      }
    }
  }
}
