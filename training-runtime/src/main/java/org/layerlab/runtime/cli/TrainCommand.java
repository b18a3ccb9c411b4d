package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.store.RunRecorder;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Trains a project headless, prints progress per epoch, and records the run. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a project without the window and record the run in the workspace's run store.")
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
    String runName = name != null ? name : RunNames.forProject(p.name());
    try (Workspace ws = workspaceOption.open()) {
      RunRecorder recorder = RunRecorder.begin(ws.runStore(), p, runName);
      out.printf("Training %s as run %s (%s)%n", p.name(), recorder.runId(), runName);
      out.printf("Run store: %s%n", ws.runStore().file());
      TrainingRun run = new TrainingRun(new TrainingRequest(p, projectDir, runName, recorder.runId()), TrainingListener.all(recorder, new Printer(out)));
      CountDownLatch ended = new CountDownLatch(1);
      Thread stopOnCtrlC =
          new Thread(
              () -> {
                run.stop();
                try {
                  ended.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "layerlab-stop-on-signal");
      Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
      RunEnded result;
      try {
        result = run.call();
      } finally {
        ended.countDown();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for us, nothing to undo
      }
      if (recorder.failure() != null) {
        err.println("Warning: the run was not fully recorded: " + recorder.failure().getMessage());
      }
      return switch (result.status()) {
        case FINISHED -> 0;
        case STOPPED -> 130;
        case DIVERGED -> 3;
        default -> 1;
      };
    }
  }

  /** Prints one line per epoch and the outcome. */
  private static final class Printer implements TrainingListener {
    private final PrintWriter out;
    private int epochs;
    private long started;
    private final AtomicReference<Double> lastSamplesPerSecond = new AtomicReference<>(0.0);

    Printer(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void onRunStarted(RunStarted e) {
      epochs = e.epochs();
      started = e.startedAtMillis();
      out.printf(
          "Data: %,d training and %,d validation samples, %d batches per epoch, %d epochs%n",
          e.trainSamples(), e.validationSamples(), e.batchesPerEpoch(), e.epochs());
    }

    @Override
    public void onStep(org.layerlab.runtime.events.StepMetrics m) {
      lastSamplesPerSecond.set(m.samplesPerSecond());
    }

    @Override
    public void onEpoch(EpochMetrics m) {
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
    public void onRunEnded(RunEnded e) {
      double seconds = started == 0 ? 0 : (e.endedAtMillis() - started) / 1000.0;
      out.printf(Locale.ROOT, "Run %s: %s after %d epoch(s) in %.1f s%n", e.runId(), e.status(), e.epochsCompleted(), seconds);
      if (e.message() != null && !e.message().isBlank()) {
        out.println(e.message());
      }
      if (!Double.isNaN(e.finalValidationAccuracy())) {
        out.printf(Locale.ROOT, "Final validation accuracy: %.4f%n", e.finalValidationAccuracy());
      }
    }
  }
}
