package org.layerlab.runtime.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.checkpoint.Checkpoint;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.checkpoint.CheckpointKind;
import org.layerlab.runtime.compile.BlockCompiler;
import org.layerlab.runtime.compile.CompiledModel;
import org.layerlab.runtime.compile.InvalidModelException;
import org.layerlab.runtime.data.DatasetException;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.ImageAugmenter;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.optim.SampleLoss;
import org.layerlab.runtime.text.RuntimeMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.layerlab.runtime.text.LocalizedStateException;

/**
 * One training run: loads the data, compiles the model, trains for the project's epochs and reports through a {@link TrainingListener}.
 *
 * <p>{@link #call()} trains on the calling thread and returns when the run ends; callers run it on a background thread of their
 * choice. {@link #stop()}, {@link #pause()}, {@link #resume()} and {@link #step()} may be called from any thread and take effect
 * between batches: stop ends the run with status STOPPED, pause holds it until a resume, and step lets a paused run train one batch
 * (single-step mode). Exceptions never escape {@code call()}: a failure ends the run with status FAILED and a message naming the
 * cause and the fix.
 *
 * <p>How it trains: a DJL {@link Trainer} runs the forward and backward passes of a block compiled by
 * {@link BlockCompiler#compileForTraining} (a trailing softmax is left out of it, so the block outputs logits) under the settings' loss;
 * Layerlab's own optimizer ({@link org.layerlab.runtime.optim}) then updates each parameter that is not frozen, at the rate of the
 * settings' learning-rate schedule, after the step's gradients have been measured and, when the settings ask, clipped by their global
 * norm. Every epoch visits the training samples in a new order drawn from a {@link Random} seeded with the project's seed; each batch
 * is gathered from the dataset's flat array into one NDArray, in an NDManager closed after the batch. When the dataset asks for image augmentation, each training batch is augmented after it is
 * gathered (validation batches never are); normalisation is done by the data loader. After every epoch the validation
 * set is measured in batches, without gradients and with dropout off.
 *
 * <p>Endings: FINISHED after the last epoch; STOPPED at the first batch boundary after {@link #stop()} (or an interrupt);
 * DIVERGED when a batch's loss, or an epoch's validation loss, is NaN or infinite (that step is named in the message, not sent as
 * a {@link StepMetrics}, so that stores and charts only ever see finite numbers); FAILED when the settings, the data or the model
 * cannot be used, or the engine fails. Data and model problems end the run before {@code onRunStarted}.
 *
 * <p>Reproducibility: the same project and seed give the same split, the same batch order, the same initial weights and the same
 * dropout masks (the engine's generator is seeded anew from the seed and the epoch number at each epoch's start), so the same
 * figures. The engine's random generator is global to the process: two runs that train at the same time in one process share it,
 * and their dropout masks then depend on timing. The {@code threads} setting is global to the process too (PyTorch's intra-op pool).
 *
 * <p>A run is used once: a second {@code call()} returns a FAILED result at once and tells the listener nothing.
 */
public final class TrainingRun implements Callable<RunEnded> {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

  /** Seeding the engine and initialising the weights happen together, so that concurrent runs each get their seed's weights. */
  static final Object SEED_LOCK = new Object();

  private final TrainingRequest request;
  private final TrainingListener listener;
  private final RunControl control = new RunControl();
  private final AtomicBoolean called = new AtomicBoolean();
  private final RunEndings endings;
  private volatile SampleSet trainingSamples;
  private volatile SampleSet validationSamples;

  public TrainingRun(TrainingRequest request, TrainingListener listener) {
    this.request = Objects.requireNonNull(request, "request");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.endings = new RunEndings(request.runId(), request.project().training());
  }

  @Override
  public RunEnded call() {
    if (!called.compareAndSet(false, true)) {
      org.layerlab.model.LocalText again = RuntimeMessages.text("run.alreadyStarted");
      return new RunEnded(request.runId(), RunStatus.FAILED, 0, Double.NaN, again.english(), System.currentTimeMillis(), again);
    }
    RunEnded end;
    try {
      end = train();
    } catch (Throwable e) { // the contract: nothing escapes call(), every ending is reported
      LOG.error("Run '{}' failed at step {}", request.runName(), endings.step, e);
      end = endings.ended(RunStatus.FAILED, endings.failureMessage(e));
    }
    try {
      listener.onRunEnded(end);
    } catch (RuntimeException e) {
      LOG.warn("A training listener threw from onRunEnded; the run ended anyway", e);
    }
    return end;
  }

  /**
   * The device a run with {@code settings} trains on, as DJL names it, such as {@code cpu()} or {@code gpu(0)} (see
   * {@link DeviceSelection}). Starts the engine if it has not started.
   */
  public static String device(TrainingSettings settings) {
    return DeviceSelection.describe(settings);
  }

  /**
   * How many threads the engine uses inside one operation (PyTorch's intra-op pool), or 0 when the engine does not say. Starts the
   * engine if it has not started.
   */
  public static int engineThreads() {
    return "PyTorch".equals(Engine.getInstance().getEngineName()) ? JniUtils.getNumThreads() : 0;
  }

  /** Asks the run to end after the current batch, with status STOPPED. Safe from any thread, and more than once; wakes a paused run. */
  public void stop() {
    control.stop();
  }

  /**
   * Asks the run to pause after the current batch; {@link org.layerlab.runtime.events.RunPaused} tells when it has. Before the run
   * starts, it pauses before its first batch. Safe from any thread.
   */
  public void pause() {
    control.pause();
  }

  /** Lets a paused run train on. Safe from any thread. */
  public void resume() {
    control.resume();
  }

  /**
   * Single-step mode: a paused run trains one batch and pauses again; a running one pauses after its current batch. Safe from any
   * thread.
   */
  public void step() {
    control.step();
  }

  /** Whether a pause has been asked for and not yet lifted by {@link #resume()}. */
  public boolean isPaused() {
    return control.isPaused();
  }

  /**
   * Sets the learning rate from the next batch on; {@link org.layerlab.runtime.events.LearningRateChanged} tells at which step it
   * took effect. The settings' schedule keeps its shape, scaled so that the next step trains at {@code rate} (see the run's
   * record of {@code step/learning_rate}). Safe from any thread; a paused run takes it up with its next batch.
   *
   * @throws IllegalArgumentException when {@code rate} is not a finite number above 0
   */
  public void changeLearningRate(double rate) {
    control.rates.request(rate);
  }

  /**
   * The validation samples, by the indices that {@link org.layerlab.runtime.events.ValidationConfusion} names; empty until the data
   * is loaded (before {@code onRunStarted}), kept after the run ends.
   */
  public Optional<SampleSet> validationSamples() {
    return Optional.ofNullable(validationSamples);
  }

  /** The training samples, as the model sees them; empty until the data is loaded, kept after the run ends. */
  public Optional<SampleSet> trainingSamples() {
    return Optional.ofNullable(trainingSamples);
  }

  boolean stopping() {
    return control.stopRequested();
  }

  private RunEnded train() {
    Project project = request.project();
    TrainingSettings settings = project.training();
    List<String> settingProblems = settings.problems();
    if (!settingProblems.isEmpty()) {
      org.layerlab.model.Localized problems = locale -> String.join("; ", settings.problems(locale));
      return endings.ended(RunStatus.FAILED, RuntimeMessages.text("run.settingsProblems", problems));
    }
    Device device;
    try {
      device = DeviceSelection.choose(settings);
    } catch (IllegalStateException e) {
      return endings.failed(e);
    }
    Checkpoint resumeFrom = null;
    if (request.resume()) {
      try {
        resumeFrom = lastCheckpoint(project);
      } catch (IllegalStateException e) {
        return endings.failed(e);
      }
    }
    LoadedData data = request.data();
    if (data == null) {
      try {
        data = DatasetLoader.load(project.dataset(), request.projectDir(), settings);
      } catch (DatasetException e) {
        return endings.ended(RunStatus.FAILED, RuntimeMessages.text("run.dataNotLoaded", e));
      }
    }
    LOG.info("Run '{}': {}", request.runName(), data.source());
    Optional<org.layerlab.model.LocalText> taskProblem = TaskCheck.problem(settings, data.train());
    if (taskProblem.isPresent()) {
      return endings.ended(RunStatus.FAILED, taskProblem.get());
    }
    trainingSamples = new SampleSet(data.train());
    validationSamples = new SampleSet(data.validation());
    CompiledModel compiled;
    try {
      compiled = BlockCompiler.compileForTraining(project.model());
    } catch (InvalidModelException e) {
      return endings.ended(RunStatus.FAILED, e);
    }
    ModelAnalysis fit = ModelAnalyzer.analyze(project.model(), data.train().signature());
    if (!fit.valid()) {
      ModelSpec model = project.model();
      org.layerlab.model.analysis.DataSignature signature = data.train().signature();
      org.layerlab.model.Localized problems =
          locale -> InvalidModelException.describe(ModelAnalyzer.analyze(model, signature, locale).problems(), locale);
      return endings.ended(
          RunStatus.FAILED,
          RuntimeMessages.text("run.modelDoesNotFit", String.valueOf(data.train().sampleShape()), String.valueOf(data.train().classes()), problems));
    }
    if (settings.transfer() != null) {
      try {
        Transfer.check(settings.transfer(), project.model());
      } catch (IllegalStateException e) {
        return endings.failed(e);
      }
    }
    if (stopping()) {
      return endings.ended(RunStatus.STOPPED, RuntimeMessages.text("run.stoppedBeforeStart"));
    }
    return fit(compiled, data, settings, resumeFrom, device);
  }

  /**
   * The last checkpoint of the request's folder, checked to belong to this model.
   *
   * @throws IllegalStateException with a message for the user when there is none or it does not fit
   */
  private Checkpoint lastCheckpoint(Project project) {
    CheckpointFolder folder = CheckpointFolder.of(request.checkpointDir());
    try {
      if (!folder.has(CheckpointKind.LAST)) {
        throw new LocalizedStateException(RuntimeMessages.text("run.resume.noCheckpoint", String.valueOf(folder.dir())));
      }
      Optional<String> trained = folder.readProject();
      if (trained.isPresent()) {
        ModelSpec was = ProjectFiles.parse(trained.get(), folder.dir().resolve(CheckpointFolder.PROJECT_FILE)).model();
        if (!was.equals(project.model())) {
          throw new LocalizedStateException(RuntimeMessages.text("run.resume.otherModel", String.valueOf(folder.dir())));
        }
      }
      return folder.read(CheckpointKind.LAST);
    } catch (IOException | ProjectFileException e) {
      throw new LocalizedStateException(
          RuntimeMessages.text("run.resume.unreadable", String.valueOf(folder.dir()), e instanceof org.layerlab.model.Localized l ? l : String.valueOf(e.getMessage())), e);
    }
  }

  private RunEnded fit(CompiledModel compiled, LoadedData data, TrainingSettings settings, Checkpoint resumeFrom, Device device) {
    int batchSize = Math.min(settings.batchSize(), data.train().size());
    SampleLoss loss = TrainingSetup.loss(settings);
    DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optDevices(new Device[] {device});
    if (settings.threads() > 0 && "PyTorch".equals(Engine.getInstance().getEngineName())) {
      JniUtils.setNumThreads(settings.threads());
    }
    boolean restoreGradMode = switchGradModeOff();
    try (Model model = Model.newInstance("layerlab", device)) {
      model.setBlock(compiled.block());
      try (Trainer trainer = model.newTrainer(config)) {
        synchronized (SEED_LOCK) {
          Engine.getInstance().setRandomSeed(engineSeed(settings.seed()));
          trainer.initialize(BlockCompiler.batchShape(data.train().sampleShape(), batchSize));
        }
        ModelParameters parameters = ModelParameters.of(request.project().model(), compiled);
        Transfer.Outcome transfer = null;
        if (settings.transfer() != null && resumeFrom == null) {
          try {
            transfer = Transfer.apply(settings.transfer(), request, parameters);
          } catch (IllegalStateException e) {
            return endings.failed(e);
          }
        } else if (settings.transfer() != null) {
          transfer = Transfer.resumed(settings.transfer(), request, parameters);
        }
        TrainingLoop loop =
            new TrainingLoop(request, settings, data, trainer, parameters, loss, batchSize, listener, endings, control, resumeFrom, transfer);
        return loop.run();
      }
    } finally {
      if (restoreGradMode) {
        JniUtils.setGradMode(true);
      }
    }
  }

  /**
   * Switches PyTorch's grad mode off on the training thread, returning whether it was on. PyTorch records the operations for
   * backpropagation on every thread whose grad mode is on, and a new thread starts with it on: DJL only switches it off on the thread
   * that loaded the engine, and a gradient collector only switches it back off if it was off before. With it off, the training thread
   * records while a batch's gradients are collected and at no other time, so validation builds no graph.
   */
  private static boolean switchGradModeOff() {
    if (!"PyTorch".equals(Engine.getInstance().getEngineName()) || !JniUtils.isGradMode()) {
      return false;
    }
    JniUtils.setGradMode(false);
    return true;
  }

  /** The engine takes an int seed: fold the long so that every bit of it counts. */
  static int engineSeed(long seed) {
    return (int) (seed ^ (seed >>> 32));
  }
}
