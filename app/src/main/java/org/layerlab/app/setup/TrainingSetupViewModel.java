package org.layerlab.app.setup;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.setup.SetupField.Kind;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.DeviceChoice;
import org.layerlab.model.project.TrainingSettings.Algorithm;
import org.layerlab.model.project.TrainingSettings.EarlyStopping;
import org.layerlab.model.project.TrainingSettings.LossFunction;
import org.layerlab.model.project.TrainingSettings.LossKind;
import org.layerlab.model.project.TrainingSettings.Metric;
import org.layerlab.model.project.TrainingSettings.OptimizerOptions;
import org.layerlab.model.project.TrainingSettings.Reporting;
import org.layerlab.model.project.TrainingSettings.Schedule;
import org.layerlab.model.project.TrainingSettings.ScheduleKind;

/**
 * The training page's settings form: everything of {@link TrainingSettings} a user sets before a run, except transfer learning
 * (kept as the project has it). Each text field keeps the text the user typed and says why it cannot be used; {@link
 * #settingsProperty()} holds the settings with the last readable value of every field.
 *
 * <p>A field that does not apply to the current choices (beta1 for SGD, gamma for a cosine schedule) is hidden by the view and never
 * blocks training: its value goes into the settings only while the settings accept it, else the field's neutral value does. So a
 * label smoothing typed for cross-entropy does not make a switch to MSE invalid, and comes back when the user switches back.
 */
public final class TrainingSetupViewModel {

  private static final Set<Algorithm> EPSILON = EnumSet.of(Algorithm.ADAM, Algorithm.ADAMW, Algorithm.ADAGRAD, Algorithm.RMSPROP, Algorithm.ADADELTA);
  private static final Set<Algorithm> BETAS = EnumSet.of(Algorithm.ADAM, Algorithm.ADAMW);
  private static final Set<Algorithm> RHO = EnumSet.of(Algorithm.RMSPROP, Algorithm.ADADELTA);
  private static final Set<ScheduleKind> GAMMA =
      EnumSet.of(ScheduleKind.STEP, ScheduleKind.MULTI_STEP, ScheduleKind.EXPONENTIAL, ScheduleKind.PLATEAU);
  private static final Set<ScheduleKind> MIN_RATE = EnumSet.of(ScheduleKind.COSINE, ScheduleKind.WARMUP_COSINE, ScheduleKind.PLATEAU);

  private static final Predicate<TrainingSetupViewModel> ALWAYS = vm -> true;

  private final TrainingSettings initial;
  private final Map<String, SetupField> fields = new LinkedHashMap<>();
  private final Map<String, Predicate<TrainingSetupViewModel>> applies = new LinkedHashMap<>();

  private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer");
  private final ObjectProperty<Algorithm> algorithm = new SimpleObjectProperty<>(this, "algorithm");
  private final BooleanProperty nesterov = new SimpleBooleanProperty(this, "nesterov");
  private final ObjectProperty<ScheduleKind> scheduleKind = new SimpleObjectProperty<>(this, "scheduleKind");
  private final ObjectProperty<Metric> plateauMonitor = new SimpleObjectProperty<>(this, "plateauMonitor");
  private final ObjectProperty<LossKind> lossKind = new SimpleObjectProperty<>(this, "lossKind");
  private final BooleanProperty earlyStopping = new SimpleBooleanProperty(this, "earlyStopping");
  private final ObjectProperty<Metric> earlyStoppingMetric = new SimpleObjectProperty<>(this, "earlyStoppingMetric");
  private final DoubleProperty validationFraction = new SimpleDoubleProperty(this, "validationFraction");
  private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>(this, "device");
  private final IntegerProperty trainingSamples = new SimpleIntegerProperty(this, "trainingSamples");

  private final ReadOnlyBooleanWrapper algorithmApplies = new ReadOnlyBooleanWrapper(this, "algorithmApplies");
  private final ReadOnlyBooleanWrapper nesterovApplies = new ReadOnlyBooleanWrapper(this, "nesterovApplies");
  private final ReadOnlyBooleanWrapper plateauMonitorApplies = new ReadOnlyBooleanWrapper(this, "plateauMonitorApplies");
  private final ReadOnlyStringWrapper nesterovProblem = new ReadOnlyStringWrapper(this, "nesterovProblem", "");
  private final ReadOnlyStringWrapper otherProblems = new ReadOnlyStringWrapper(this, "otherProblems", "");
  private final ReadOnlyObjectWrapper<TrainingSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
  private final ReadOnlyBooleanWrapper settingsValid = new ReadOnlyBooleanWrapper(this, "settingsValid");
  private final ReadOnlyObjectWrapper<SchedulePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
  private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper(this, "previewText", "");

  /** @param initial the opened project's settings; the fields start from them and transfer learning is kept as it is */
  public TrainingSetupViewModel(TrainingSettings initial) {
    this.initial = Objects.requireNonNull(initial, "initial");
    OptimizerOptions o = initial.optimizerOptions();
    Schedule s = initial.schedule();
    LossFunction l = initial.loss();
    EarlyStopping es = initial.earlyStopping();
    ScheduleKind k = s.kind();

    add("learningRate", Kind.DECIMAL, 0.001, initial.learningRate(), ALWAYS);
    add("momentum", Kind.DECIMAL, 0.9, initial.momentum(), vm -> vm.algorithm.get() == Algorithm.SGD);
    add("beta1", Kind.DECIMAL, 0.9, o.beta1(), vm -> BETAS.contains(vm.algorithm.get()));
    add("beta2", Kind.DECIMAL, 0.999, o.beta2(), vm -> BETAS.contains(vm.algorithm.get()));
    add("epsilon", Kind.OPTIONAL_DECIMAL, Double.NaN, o.epsilon(), vm -> EPSILON.contains(vm.algorithm.get()));
    add("rho", Kind.OPTIONAL_DECIMAL, Double.NaN, o.rho(), vm -> RHO.contains(vm.algorithm.get()));
    add("weightDecay", Kind.DECIMAL, 0.0, o.weightDecay(), ALWAYS);
    add("gradientClipNorm", Kind.DECIMAL, 0.0, o.gradientClipNorm(), ALWAYS);

    add("epochs", Kind.WHOLE, 10, initial.epochs(), ALWAYS);
    add("batchSize", Kind.WHOLE, 32, initial.batchSize(), ALWAYS);
    add("seed", Kind.LONG, 42L, initial.seed(), ALWAYS);

    // A field the opened schedule does not use starts from a value that suits its own kind, not from CONSTANT's placeholders.
    int epochs = Math.max(2, initial.epochs());
    add("schedule.gamma", Kind.DECIMAL, 0.1, s.gamma(), vm -> GAMMA.contains(vm.scheduleKind.get()));
    add("schedule.everyEpochs", Kind.WHOLE, 1, s.everyEpochs(), k == ScheduleKind.STEP ? s.everyEpochs() : Math.max(1, epochs / 3),
        vm -> vm.scheduleKind.get() == ScheduleKind.STEP);
    add("schedule.milestones", Kind.WHOLE_LIST, List.of(), s.milestones(),
        k == ScheduleKind.MULTI_STEP ? s.milestones() : List.of(epochs / 2, epochs * 3 / 4),
        vm -> vm.scheduleKind.get() == ScheduleKind.MULTI_STEP);
    add("schedule.warmupEpochs", Kind.WHOLE, 0, s.warmupEpochs(), k == ScheduleKind.WARMUP_COSINE ? s.warmupEpochs() : Math.max(1, epochs / 10),
        vm -> vm.scheduleKind.get() == ScheduleKind.WARMUP_COSINE);
    add("schedule.minLearningRate", Kind.DECIMAL, 0.0, s.minLearningRate(), vm -> MIN_RATE.contains(vm.scheduleKind.get()));
    add("schedule.patience", Kind.WHOLE, 5, s.patience(), vm -> vm.scheduleKind.get() == ScheduleKind.PLATEAU);

    add("loss.labelSmoothing", Kind.DECIMAL, 0.0, l.labelSmoothing(), vm -> vm.lossKind.get() == LossKind.SOFTMAX_CROSS_ENTROPY);
    add("loss.huberDelta", Kind.DECIMAL, 1.0, l.huberDelta(), vm -> vm.lossKind.get() == LossKind.HUBER);

    add("earlyStopping.patience", Kind.WHOLE, 5, es == null ? 5 : es.patience(), vm -> vm.earlyStopping.get());
    add("earlyStopping.minDelta", Kind.DECIMAL, 0.0, es == null ? 0.0 : es.minDelta(), vm -> vm.earlyStopping.get());

    add("threads", Kind.WHOLE, 0, initial.threads(), ALWAYS);
    add("histogramEvery", Kind.WHOLE, 0, initial.reporting().histogramEvery(), ALWAYS);
    add("worstSamples", Kind.WHOLE, 10, initial.reporting().worstSamples(), ALWAYS);

    optimizer.set(initial.optimizer());
    algorithm.set(initial.algorithm());
    nesterov.set(o.nesterov());
    scheduleKind.set(k);
    plateauMonitor.set(s.monitor());
    lossKind.set(l.kind());
    earlyStopping.set(es != null);
    earlyStoppingMetric.set(es == null ? Metric.VALIDATION_LOSS : es.metric());
    device.set(initial.device());
    validationFraction.set(initial.validationFraction());

    readSettings();
    // The family picks its own rule; a rule of the same family stays (AdamW read from a file stays AdamW).
    optimizer.addListener((obs, old, kind) -> {
      if (kind != null && (algorithm.get() == null || algorithm.get().family() != kind)) {
        algorithm.set(Algorithm.of(kind));
      }
    });
    algorithm.addListener((obs, old, a) -> {
      if (a == null) {
        // A list that changes its items may clear its value for a moment; the settings always have a rule.
        algorithm.set(old != null && old.family() == optimizer.get() ? old : Algorithm.of(optimizer.get()));
      } else if (optimizer.get() != a.family()) {
        optimizer.set(a.family());
      }
    });
    List<Observable> inputs = new ArrayList<>();
    fields.values().forEach(f -> inputs.add(f.textProperty()));
    inputs.addAll(
        List.of(
            optimizer, algorithm, nesterov, scheduleKind, plateauMonitor, lossKind, earlyStopping, earlyStoppingMetric, device, validationFraction, trainingSamples));
    inputs.forEach(in -> in.addListener(o2 -> readSettings()));
  }

  private void add(String key, Kind kind, Object neutral, Object value, Predicate<TrainingSetupViewModel> when) {
    add(key, kind, neutral, value, value, when);
  }

  private void add(String key, Kind kind, Object neutral, Object opened, Object start, Predicate<TrainingSetupViewModel> when) {
    SetupField f = new SetupField(key, kind, neutral, opened, start);
    f.setConditional(when != ALWAYS);
    fields.put(key, f);
    applies.put(key, when);
  }

  /** The field editing the settings path {@code key}, such as {@code learningRate} or {@code schedule.gamma}. */
  public SetupField field(String key) {
    SetupField f = fields.get(key);
    if (f == null) {
      throw new IllegalArgumentException("the training form has no field '" + key + "'; it has " + fields.keySet());
    }
    return f;
  }

  /** Every text field, in form order. */
  public List<SetupField> fields() {
    return List.copyOf(fields.values());
  }

  // Choices and their labels

  public List<OptimizerKind> optimizers() {
    return List.of(OptimizerKind.values());
  }

  /** What the optimizer list shows for {@code kind}, such as "SGD with momentum". */
  public String optimizerLabel(OptimizerKind kind) {
    return kind == null ? "" : Messages.get("optimizer." + kind.name());
  }

  /** The update rules of the chosen optimizer family: SGD alone, or Adam, AdamW, Adagrad, RMSProp and Adadelta. */
  public List<Algorithm> algorithms() {
    OptimizerKind family = optimizer.get();
    return Arrays.stream(Algorithm.values()).filter(a -> a.family() == family).toList();
  }

  public String algorithmLabel(Algorithm a) {
    return a == null ? "" : Messages.get("setup.algorithm." + a.name());
  }

  public List<ScheduleKind> scheduleKinds() {
    return List.of(ScheduleKind.values());
  }

  public String scheduleLabel(ScheduleKind k) {
    return k == null ? "" : Messages.get("setup.schedule." + k.name());
  }

  /** Where to train: a GPU when the engine finds one, the CPU, or a GPU that must be there. */
  public List<DeviceChoice> devices() {
    return List.of(DeviceChoice.values());
  }

  public String deviceLabel(DeviceChoice d) {
    return d == null ? "" : Messages.get("setup.device." + d.name());
  }

  public ObjectProperty<DeviceChoice> deviceProperty() {
    return device;
  }

  public List<LossKind> lossKinds() {
    return List.of(LossKind.values());
  }

  public String lossLabel(LossKind k) {
    return k == null ? "" : Messages.get("setup.loss." + k.name());
  }

  public List<Metric> metrics() {
    return List.of(Metric.values());
  }

  public String metricLabel(Metric m) {
    return m == null ? "" : Messages.get("setup.metric." + m.name());
  }

  public ObjectProperty<OptimizerKind> optimizerProperty() {
    return optimizer;
  }

  /** The exact update rule; always of the chosen optimizer family. */
  public ObjectProperty<Algorithm> algorithmProperty() {
    return algorithm;
  }

  /** Whether the family offers more than one rule, so that the rule list is worth showing. */
  public ReadOnlyBooleanProperty algorithmAppliesProperty() {
    return algorithmApplies.getReadOnlyProperty();
  }

  public BooleanProperty nesterovProperty() {
    return nesterov;
  }

  public ReadOnlyBooleanProperty nesterovAppliesProperty() {
    return nesterovApplies.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty nesterovProblemProperty() {
    return nesterovProblem.getReadOnlyProperty();
  }

  public ObjectProperty<ScheduleKind> scheduleKindProperty() {
    return scheduleKind;
  }

  /** The metric a reduce-on-plateau schedule watches. */
  public ObjectProperty<Metric> plateauMonitorProperty() {
    return plateauMonitor;
  }

  public ReadOnlyBooleanProperty plateauMonitorAppliesProperty() {
    return plateauMonitorApplies.getReadOnlyProperty();
  }

  public ObjectProperty<LossKind> lossKindProperty() {
    return lossKind;
  }

  /** Whether a run ends early once its metric stops improving. */
  public BooleanProperty earlyStoppingProperty() {
    return earlyStopping;
  }

  public ObjectProperty<Metric> earlyStoppingMetricProperty() {
    return earlyStoppingMetric;
  }

  /**
   * The share of the training data held out for validation. The data page sets it next to the test share (the window binds the two);
   * the settings carry it, and the schedule preview counts steps with it.
   */
  public DoubleProperty validationFractionProperty() {
    return validationFraction;
  }

  /**
   * How many samples the dataset has before the validation split, 0 while unknown. The schedule preview counts steps with it (the
   * run's steps per epoch); while it is 0 the preview is per epoch.
   */
  public IntegerProperty trainingSamplesProperty() {
    return trainingSamples;
  }

  // The four fields of the first form, by their old names

  public StringProperty learningRateTextProperty() {
    return field("learningRate").textProperty();
  }

  public StringProperty batchSizeTextProperty() {
    return field("batchSize").textProperty();
  }

  public StringProperty epochsTextProperty() {
    return field("epochs").textProperty();
  }

  public ReadOnlyStringProperty learningRateProblemProperty() {
    return field("learningRate").problemProperty();
  }

  public ReadOnlyStringProperty batchSizeProblemProperty() {
    return field("batchSize").problemProperty();
  }

  public ReadOnlyStringProperty epochsProblemProperty() {
    return field("epochs").problemProperty();
  }

  /** Problems of settings the form has no field for (a transfer source from the project file), one a line; empty when none. */
  public ReadOnlyStringProperty otherProblemsProperty() {
    return otherProblems.getReadOnlyProperty();
  }

  /** The settings with the last readable value of every field. */
  public ReadOnlyObjectProperty<TrainingSettings> settingsProperty() {
    return settings.getReadOnlyProperty();
  }

  /** Whether every field that applies can be read and the settings have no problem: the run may start. */
  public ReadOnlyBooleanProperty settingsValidProperty() {
    return settingsValid.getReadOnlyProperty();
  }

  /** The learning rate over the planned run, or {@code null} while the schedule's fields cannot make one. */
  public ReadOnlyObjectProperty<SchedulePreview> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  /** A line under the preview: the start, peak and end rate, or why there is no preview. */
  public ReadOnlyStringProperty previewTextProperty() {
    return previewText.getReadOnlyProperty();
  }

  /** Updates per epoch of the planned run, or 0 while the dataset's size is unknown. */
  public int stepsPerEpoch() {
    int samples = trainingSamples.get();
    TrainingSettings s = settings.get();
    if (samples <= 0 || s == null || s.batchSize() < 1 || !(s.validationFraction() > 0 && s.validationFraction() < 1)) {
      return 0;
    }
    // The runtime holds out a stratified share per class; rounding over the whole set is within a sample per class of it.
    int train = Math.max(1, samples - (int) Math.round(samples * s.validationFraction()));
    int batch = Math.min(s.batchSize(), train);
    return (train + batch - 1) / batch;
  }

  /** Republishes the problems and the preview line in the current language. */
  public void relocalize() {
    readSettings();
  }

  private void readSettings() {
    algorithmApplies.set(algorithms().size() > 1);
    nesterovApplies.set(algorithm.get() == Algorithm.SGD);
    plateauMonitorApplies.set(scheduleKind.get() == ScheduleKind.PLATEAU);
    Map<String, String> unreadable = new LinkedHashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    for (SetupField f : fields.values()) {
      f.setApplies(applies.get(f.key()).test(this));
      String problem = f.read();
      if (problem != null) {
        unreadable.put(f.key(), problem);
      }
      values.put(f.key(), f.appliesProperty().get() ? f.lastReadable() : f.unusedValue());
    }
    TrainingSettings s = build(values, nesterovApplies.get() && nesterov.get());
    Map<String, String> problems = s.fieldProblems(Messages.locale());
    // A field that does not apply must not block training: where the settings refuse its value, use the neutral one.
    boolean changed = false;
    for (SetupField f : fields.values()) {
      if (!f.appliesProperty().get() && problems.containsKey(f.key())) {
        values.put(f.key(), f.neutral());
        changed = true;
      }
    }
    if (changed) {
      s = build(values, nesterovApplies.get() && nesterov.get());
      problems = s.fieldProblems(Messages.locale());
    }
    for (SetupField f : fields.values()) {
      boolean on = f.appliesProperty().get();
      f.setProblem(!on ? "" : unreadable.containsKey(f.key()) ? unreadable.get(f.key()) : problems.getOrDefault(f.key(), ""));
    }
    nesterovProblem.set(problems.getOrDefault("nesterov", ""));
    List<String> other = new ArrayList<>();
    problems.forEach((key, message) -> {
      if (!fields.containsKey(key) && !key.equals("nesterov")) {
        other.add(message);
      }
    });
    otherProblems.set(String.join("\n", other));
    prompts();
    settings.set(s);
    boolean readable = fields.values().stream().noneMatch(f -> f.appliesProperty().get() && unreadable.containsKey(f.key()));
    settingsValid.set(readable && problems.isEmpty());
    updatePreview(s, problems);
  }

  private TrainingSettings build(Map<String, Object> v, boolean nesterovOn) {
    OptimizerOptions options =
        new OptimizerOptions(
            nesterovOn, d(v, "weightDecay"), d(v, "beta1"), d(v, "beta2"), d(v, "epsilon"), d(v, "rho"), d(v, "gradientClipNorm"));
    @SuppressWarnings("unchecked")
    List<Integer> milestones = (List<Integer>) v.get("schedule.milestones");
    Schedule schedule =
        new Schedule(
            scheduleKind.get(),
            d(v, "schedule.gamma"),
            i(v, "schedule.everyEpochs"),
            milestones,
            i(v, "schedule.warmupEpochs"),
            d(v, "schedule.minLearningRate"),
            i(v, "schedule.patience"),
            plateauMonitor.get());
    LossFunction loss = new LossFunction(lossKind.get(), d(v, "loss.labelSmoothing"), d(v, "loss.huberDelta"));
    EarlyStopping stop =
        earlyStopping.get() ? new EarlyStopping(earlyStoppingMetric.get(), i(v, "earlyStopping.patience"), d(v, "earlyStopping.minDelta")) : null;
    Algorithm a = algorithm.get() != null ? algorithm.get() : Algorithm.of(optimizer.get());
    return new TrainingSettings(
        a.family(),
        d(v, "learningRate"),
        d(v, "momentum"),
        i(v, "batchSize"),
        i(v, "epochs"),
        (Long) v.get("seed"),
        validationFraction.get(),
        a,
        options,
        schedule,
        loss,
        stop,
        initial.transfer(),
        i(v, "threads"),
        new Reporting(i(v, "histogramEvery"), i(v, "worstSamples")),
        device.get());
  }

  private static double d(Map<String, Object> v, String key) {
    return ((Number) v.get(key)).doubleValue();
  }

  private static int i(Map<String, Object> v, String key) {
    return ((Number) v.get(key)).intValue();
  }

  /** Empty epsilon and rho mean the optimizer's own default; the prompt says which. */
  private void prompts() {
    Algorithm a = algorithm.get();
    String eps =
        switch (a == null ? Algorithm.ADAM : a) {
          case ADAGRAD -> "1e-10";
          case ADADELTA -> "1e-6";
          default -> "1e-8";
        };
    field("epsilon").setPrompt(Messages.get("setup.defaultValue", eps));
    field("rho").setPrompt(Messages.get("setup.defaultValue", a == Algorithm.ADADELTA ? "0.9" : "0.99"));
    field("threads").setPrompt(Messages.get("setup.threads.prompt"));
  }

  private void updatePreview(TrainingSettings s, Map<String, String> problems) {
    boolean scheduleOk =
        problems.keySet().stream().noneMatch(k -> k.startsWith("schedule.") || k.equals("learningRate") || k.equals("epochs"))
            && fields.values().stream()
                .noneMatch(f -> f.appliesProperty().get() && !f.problemProperty().get().isEmpty() && previewInput(f.key()));
    if (!scheduleOk) {
      preview.set(null);
      previewText.set(Messages.get("setup.preview.unavailable"));
      return;
    }
    SchedulePreview p;
    try {
      p = SchedulePreview.of(s, stepsPerEpoch());
    } catch (IllegalArgumentException e) {
      preview.set(null);
      previewText.set(Messages.get("setup.preview.unavailable"));
      return;
    }
    preview.set(p);
    String unit = Messages.get(p.perEpoch() ? "setup.preview.epochs" : "setup.preview.steps", Messages.integer(p.points()));
    StringBuilder text = new StringBuilder(Messages.get("setup.preview.summary", rateText(p.first()), rateText(p.peak()), rateText(p.last()), unit));
    if (!p.perEpoch()) {
      text.append(' ').append(Messages.get("setup.preview.perEpoch", Messages.integer(p.stepsPerEpoch())));
    } else if (trainingSamples.get() <= 0) {
      text.append(' ').append(Messages.get("setup.preview.unknownSteps"));
    }
    if (p.plateau()) {
      text.append(' ').append(Messages.get("setup.preview.plateau", metricLabel(plateauMonitor.get())));
    }
    previewText.set(text.toString());
  }

  private static boolean previewInput(String key) {
    return key.startsWith("schedule.") || key.equals("learningRate") || key.equals("epochs") || key.equals("batchSize")
        || key.equals("validationFraction");
  }

  /** A learning rate with three significant digits: 0.001, 0.0123, and below 0.001 as 1.23e-4. */
  static String rateText(double r) {
    if (r == 0 || !Double.isFinite(r)) {
      return r == 0 ? "0" : Double.toString(r);
    }
    if (Math.abs(r) >= 1e-3) {
      return new BigDecimal(r).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
    String[] parts = String.format(Locale.ROOT, "%.2e", r).split("e");
    return new BigDecimal(parts[0]).stripTrailingZeros().toPlainString() + "e" + Integer.parseInt(parts[1]);
  }
}
