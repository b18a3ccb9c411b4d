package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.EpochRegressionScores;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.checkpoint.CheckpointInfo;
import org.layerlab.runtime.checkpoint.CheckpointKind;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunFilter;
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.store.RunRecorder;
import org.layerlab.runtime.store.RunStoreException;
import org.layerlab.runtime.tracking.RunTracking;
import org.layerlab.runtime.tracking.SeedGroup;
import org.layerlab.runtime.tracking.stats.Sample;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Trains a project headless, prints progress per epoch, and records the run, or a group of runs with several seeds. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a project without the window and record the run in the workspace's run store.",
      "With --seeds N, train it N times with consecutive seeds from the project's own, one after another, as a group."
    })
final class TrainCommand implements java.util.concurrent.Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PROJECT", description = "A project folder (holding project.json) or a project file.")
  Path project;

  @Option(names = "--epochs", paramLabel = "N", description = "Train for N epochs instead of the project's setting.")
  Integer epochs;

  @Option(names = "--name", paramLabel = "NAME", description = "Record the run under this name (default: project name and time).")
  String name;

  @Option(
      names = "--subset",
      description = "For IDX datasets, train on the project's own files even when the full dataset is installed.")
  boolean subset;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      description = "Train N runs with seeds S, S+1, ... (S: the project's seed) as one group, for mean, spread and significance tests.")
  Integer seeds;

  @Option(names = "--group", paramLabel = "ID", description = "With --seeds: record the runs in this group (default: a new id).")
  String group;

  @Option(names = "--tag", paramLabel = "TAG", description = "Tag the run(s); repeatable.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--notes", paramLabel = "TEXT", description = "Notes to keep with the run(s).")
  String notes;

  @Option(
      names = "--resume",
      paramLabel = "RUN",
      description = "Resume the stopped or interrupted run RUN (its id, or its first letters) from its last checkpoint, up to the"
          + " project's epochs (or --epochs), in the same run record.")
  String resume;

  @Mixin WorkspaceOption workspaceOption;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Project p;
    try {
      p = ProjectFiles.read(project);
    } catch (ProjectFileException e) {
      err.println("Error: " + e.getMessage());
      return 1;
    }
    if (epochs != null) {
      if (epochs < 1) {
        err.println("Error: --epochs must be 1 or more, got " + epochs);
        return 2;
      }
      p = p.withTraining(p.training().withEpochs(epochs));
    }
    if (subset && p.dataset() instanceof DatasetRef.Idx idx) {
      p = p.withDataset(idx.withUseFullWhenAvailable(false));
    }
    Path projectDir = ProjectFiles.resolve(project).toAbsolutePath().getParent();
    if (seeds != null && seeds < 1) {
      err.println("Error: --seeds must be 1 or more, got " + seeds);
      return 2;
    }
    if (group != null && seeds == null) {
      err.println("Error: --group needs --seeds N");
      return 2;
    }
    if (resume != null && (seeds != null || name != null)) {
      err.println("Error: --resume continues one run under its own name: leave out --seeds and --name");
      return 2;
    }
    try (Workspace ws = workspaceOption.open()) {
      if (resume != null) {
        return resumeOne(ws, p, projectDir, out, err);
      }
      return seeds == null ? trainOne(ws, p, projectDir, out, err) : trainGroup(ws, p, projectDir, out);
    }
  }

  /** Trains on from the last checkpoint of the run {@link #resume} names, recording into that run. */
  private int resumeOne(Workspace ws, Project p, Path projectDir, PrintWriter out, PrintWriter err) {
    String runId;
    try {
      runId = RunsSubcommand.resolveOne(ws.runStore(), resume);
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      return 1;
    }
    RunEntry entry = ws.runStore().entry(runId).orElseThrow();
    Path folder = CheckpointFolder.forRun(ws.home(), runId);
    CheckpointInfo last;
    try {
      CheckpointFolder checkpoints = CheckpointFolder.of(folder);
      if (!checkpoints.has(CheckpointKind.LAST)) {
        err.println(
            "Error: run "
                + runId
                + " has no checkpoint to resume from in "
                + folder
                + ": it stopped before its first epoch ended. Train the project again instead.");
        return 1;
      }
      last = checkpoints.readInfo(CheckpointKind.LAST);
    } catch (java.io.IOException e) {
      err.println("Error: the checkpoint of run " + runId + " in " + folder + " cannot be read: " + e.getMessage());
      return 1;
    }
    // A process killed between two of the recorder's hand-overs (once a second) loses the points it had not written yet; when
    // its last checkpoint is newer than those, the curves keep a gap there. Say so rather than pretend the series is whole.
    List<org.layerlab.runtime.store.MetricPoint> recordedSteps = ws.runStore().metrics(runId, MetricTags.STEP_LOSS);
    long lastRecorded = recordedSteps.isEmpty() ? 0 : recordedSteps.get(recordedSteps.size() - 1).step();
    if (lastRecorded < last.step()) {
      out.printf(
          "Note: steps %d to %d were trained but not recorded before the run's process ended; its curves have a gap there.%n",
          lastRecorded + 1, last.step());
    }
    List<org.layerlab.runtime.store.MetricPoint> recordedEpochs = ws.runStore().metrics(runId, MetricTags.VALIDATION_LOSS);
    long lastEpochRecorded = recordedEpochs.isEmpty() ? 0 : recordedEpochs.get(recordedEpochs.size() - 1).step();
    if (lastEpochRecorded < last.epoch()) {
      out.printf(
          "Note: the figures of epochs %d to %d were not recorded before the run's process ended.%n",
          lastEpochRecorded + 1, last.epoch());
    }
    RunRecorder recorder;
    try {
      recorder = RunRecorder.resume(ws.runStore(), runId);
    } catch (RunStoreException e) {
      err.println("Error: run " + runId + " cannot be resumed: " + e.getMessage());
      return 1;
    }
    String runName = entry.summary().name();
    out.printf(
        "Resuming run %s (%s) from its checkpoint after epoch %d (step %d), up to epoch %d%n",
        runId, runName, last.epoch(), last.step(), p.training().epochs());
    out.printf("Run store: %s%n", ws.runStore().file());
    TrainingRequest request =
        new TrainingRequest(p, projectDir, runName, runId).withCheckpoints(folder).resuming().withWorkspaceHome(ws.home());
    TrainingRun run = new TrainingRun(request, TrainingListener.all(recorder, new Printer(out, false)));
    RunEnded result = untilDone(run::call, run::stop);
    if (recorder.failure() != null) {
      err.println("Warning: the run was not fully recorded: " + recorder.failure().getMessage());
    }
    return exitCode(List.of(result.status()));
  }

  private int trainOne(Workspace ws, Project p, Path projectDir, PrintWriter out, PrintWriter err) {
    String runName = name != null ? name : RunNames.forProject(p.name());
    RunRecorder recorder = RunTracking.begin(ws.runStore(), p, projectDir, runName, new RunOptions(null, tags, notes));
    out.printf("Training %s as run %s (%s)%n", p.name(), recorder.runId(), runName);
    out.printf("Run store: %s%n", ws.runStore().file());
    // Checkpoints in the workspace make the run resumable and let `layerlab predict RUN` load its model.
    TrainingRequest request =
        new TrainingRequest(p, projectDir, runName, recorder.runId())
            .withCheckpoints(CheckpointFolder.forRun(ws.home(), recorder.runId()))
            .withWorkspaceHome(ws.home());
    TrainingRun run = new TrainingRun(request, TrainingListener.all(recorder, new Printer(out, false)));
    RunEnded result = untilDone(run::call, run::stop);
    if (recorder.failure() != null) {
      err.println("Warning: the run was not fully recorded: " + recorder.failure().getMessage());
    }
    return exitCode(List.of(result.status()));
  }

  private int trainGroup(Workspace ws, Project p, Path projectDir, PrintWriter out) {
    List<Long> seedList = SeedGroup.seeds(p.training().seed(), seeds);
    SeedGroup g = new SeedGroup(ws.runStore(), p, projectDir, seedList).optLabels(tags).optNotes(notes).optListener(new Printer(out, true));
    if (group != null) {
      g.optGroupId(group);
    }
    if (name != null) {
      g.optName(name);
    }
    out.printf("Training %s %d times as group %s, seeds %s%n", p.name(), seedList.size(), g.groupId(), seedList);
    out.printf("Run store: %s%n", ws.runStore().file());
    SeedGroup.Result result = untilDone(g::call, g::stop);
    List<RunEntry> runs = ws.runStore().findRuns(RunFilter.ALL.withGroupId(result.groupId()).withArchived(RunFilter.Archived.INCLUDE));
    out.printf("Group %s%n", result.groupId());
    double[] finals = new double[result.runIds().size()];
    for (int i = 0; i < result.runIds().size(); i++) {
      RunEnded e = result.ends().get(i);
      finals[i] = e.finalValidationAccuracy();
      out.printf(Locale.ROOT, "  %s  seed %-6d %-9s validation accuracy %s%n", result.runIds().get(i), seedList.get(i), e.status(), percent(finals[i]));
    }
    Sample s = Sample.of(finals);
    if (s.n() >= 2) {
      out.printf(Locale.ROOT, "Final validation accuracy over %d runs: mean %.4f, sd %.4f (range %.4f to %.4f)%n", s.n(), s.mean(), s.sd(), s.min(), s.max());
    }
    out.printf("The group has %d runs in all. Compare it with another: ./layerlab runs compare --group %s --group OTHER%n", runs.size(), result.groupId());
    return exitCode(result.ends().stream().map(RunEnded::status).toList());
  }

  /** Runs {@code work}, calling {@code stop} when the process is asked to end (Ctrl+C), and waiting for the work to end then. */
  private static <T> T untilDone(java.util.function.Supplier<T> work, Runnable stop) {
    CountDownLatch ended = new CountDownLatch(1);
    Thread stopOnCtrlC =
        new Thread(
            () -> {
              stop.run();
              try {
                ended.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "layerlab-stop-on-signal");
    Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
    T result;
    try {
      result = work.get();
    } finally {
      ended.countDown();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it waits for us, nothing to undo
    }
    return result;
  }

  /** 0 when every run finished; else 130 if one was stopped, 3 if one diverged, 1 otherwise. */
  private static int exitCode(List<RunStatus> statuses) {
    if (statuses.stream().allMatch(s -> s == RunStatus.FINISHED)) {
      return 0;
    }
    if (statuses.contains(RunStatus.STOPPED)) {
      return 130;
    }
    return statuses.contains(RunStatus.DIVERGED) ? 3 : 1;
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  /** Prints one line per epoch and the outcome. */
  private static final class Printer implements TrainingListener {
    private final PrintWriter out;
    private int epochs;
    private long started;
    private final AtomicReference<Double> lastSamplesPerSecond = new AtomicReference<>(0.0);
    private final boolean nameEachRun;

    Printer(PrintWriter out, boolean nameEachRun) {
      this.out = out;
      this.nameEachRun = nameEachRun;
    }

    @Override
    public void onRunStarted(RunStarted e) {
      epochs = e.epochs();
      started = e.startedAtMillis();
      if (nameEachRun) {
        out.printf("Run %s (%s)%n", e.runId(), e.runName());
      }
      out.printf(
          "Data: %,d training and %,d validation samples, %d batches per epoch, %d epochs, on %s%n",
          e.trainSamples(), e.validationSamples(), e.batchesPerEpoch(), e.epochs(), e.device());
    }

    @Override
    public void onStep(org.layerlab.runtime.events.StepMetrics m) {
      lastSamplesPerSecond.set(m.samplesPerSecond());
    }

    @Override
    public void onEpoch(EpochMetrics m) {
      if (Double.isNaN(m.trainAccuracy()) && Double.isNaN(m.validationAccuracy())) {
        return; // a regression: its line comes with its errors, in onEpochRegressionScores
      }
      out.printf(
          Locale.ROOT,
          "epoch %d/%d  loss %.4f  acc %.4f  val_loss %.4f  val_acc %.4f  %,.0f samples/s%n",
          m.epoch(),
          epochs,
          m.trainLoss(),
          m.trainAccuracy(),
          m.validationLoss(),
          m.validationAccuracy(),
          lastSamplesPerSecond.get());
    }

    @Override
    public void onEpochRegressionScores(EpochRegressionScores s) {
      out.printf(
          Locale.ROOT,
          "epoch %d/%d  loss %.4f  val_loss %.4f  val_mae %.4f  val_rmse %.4f  val_r2 %.4f  %,.0f samples/s%n",
          s.epoch(),
          epochs,
          s.train().loss(),
          s.validation().loss(),
          s.validation().meanAbsoluteError(),
          s.validation().rootMeanSquaredError(),
          s.validation().rSquared(),
          lastSamplesPerSecond.get());
    }

    @Override
    public void onRunEnded(RunEnded e) {
      double seconds = started == 0 ? 0 : (e.endedAtMillis() - started) / 1000.0;
      out.printf(Locale.ROOT, "Run %s: %s after %d epoch(s) in %.1f s%n", e.runId(), e.status(), e.epochsCompleted(), seconds);
      if (e.message() != null && !e.message().isBlank()) {
        out.println(e.message());
      }
      if (!Double.isNaN(e.finalValidationAccuracy())) {
        out.printf(Locale.ROOT, "Final validation accuracy: %.4f%n", e.finalValidationAccuracy());
      }
      started = 0;
    }
  }
}
