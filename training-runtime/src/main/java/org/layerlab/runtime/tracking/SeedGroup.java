package org.layerlab.runtime.tracking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.layerlab.model.project.Project;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.store.RunRecorder;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;

/**
 * Trains the same project once per seed, one run after another, as a group: every run is recorded with the group's id, so the
 * group's spread shows how much of a result is the seed's doing, and two groups can be compared with a t-test
 * ({@link GroupComparison}).
 *
 * <p>Each run changes only {@code training.seed}, which seeds the validation split, the batch order and the initial weights. Runs
 * go one at a time on the calling thread: the engine's random generator is shared by the process, so parallel runs would not be
 * reproducible. {@link #stop()} ends the current run (STOPPED) and skips the rest.
 */
public final class SeedGroup implements Callable<SeedGroup.Result> {

  /**
   * What a group's training came to.
   *
   * @param runIds the runs trained, in seed order; fewer than the seeds when stopped
   * @param ends how each run ended, in the same order
   */
  public record Result(String groupId, List<Long> seeds, List<String> runIds, List<RunEnded> ends) {

    /** Whether every seed was trained and finished. */
    public boolean allFinished() {
      return runIds.size() == seeds.size() && ends.stream().allMatch(e -> e.status() == RunStatus.FINISHED);
    }
  }

  private final RunStore store;
  private final Project project;
  private final Path projectDir;
  private final List<Long> seeds;
  private String groupId = newGroupId();
  private String baseName;
  private List<String> labels = List.of();
  private String notes = "";
  private TrainingListener listener = new TrainingListener() {};
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private volatile TrainingRun current;

  /**
   * A group of runs of {@code project}, one per seed.
   *
   * @param projectDir the folder the project's relative dataset paths start from
   * @param seeds distinct seeds, at least one
   */
  public SeedGroup(RunStore store, Project project, Path projectDir, List<Long> seeds) {
    this.store = Objects.requireNonNull(store, "store");
    this.project = Objects.requireNonNull(project, "project");
    this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
    if (seeds.isEmpty() || seeds.stream().distinct().count() != seeds.size()) {
      throw new IllegalArgumentException("a seed group needs one or more distinct seeds, got " + seeds);
    }
    this.seeds = List.copyOf(seeds);
    this.baseName = project.name();
  }

  /** Trains {@code project} once per seed as a new group, telling {@code listener} about every run; see {@link #call()}. */
  public static Result run(RunStore store, Project project, Path projectDir, List<Long> seeds, TrainingListener listener) {
    return new SeedGroup(store, project, projectDir, seeds).optListener(listener).call();
  }

  /** {@code count} consecutive seeds from {@code first}: the project's own seed and the next ones. */
  public static List<Long> seeds(long first, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a seed group needs at least one seed, got " + count);
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(first + i);
    }
    return out;
  }

  /** A new group id: eight hex digits. */
  public static String newGroupId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Records the runs under this group id instead of a new one; runs already in that group stay in it. */
  public SeedGroup optGroupId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a group id cannot be empty");
    }
    this.groupId = id;
    return this;
  }

  /** Names the runs {@code <name> seed <seed>}; by default the project's name. */
  public SeedGroup optName(String name) {
    this.baseName = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Tags every run of the group. */
  public SeedGroup optLabels(List<String> l) {
    this.labels = List.copyOf(l);
    return this;
  }

  public SeedGroup optNotes(String n) {
    this.notes = n == null ? "" : n;
    return this;
  }

  /** Also tells {@code l} about every run, in order, on the training thread. */
  public SeedGroup optListener(TrainingListener l) {
    this.listener = Objects.requireNonNull(l, "listener");
    return this;
  }

  public String groupId() {
    return groupId;
  }

  /** The name the run of {@code seed} is recorded under. */
  public String runName(long seed) {
    return baseName + " seed " + seed;
  }

  /** Trains every seed in turn and returns how each run ended; ends early once {@link #stop()} is called. */
  @Override
  public Result call() {
    RunOptions options = new RunOptions(groupId, labels, notes);
    List<String> ids = new ArrayList<>();
    List<RunEnded> ends = new ArrayList<>();
    for (long seed : seeds) {
      if (stopRequested.get()) {
        break;
      }
      Project p = project.withTraining(project.training().withSeed(seed));
      String name = runName(seed);
      RunRecorder recorder = RunTracking.begin(store, p, projectDir, name, options);
      TrainingRun run = new TrainingRun(new TrainingRequest(p, projectDir, name, recorder.runId()), TrainingListener.all(recorder, listener));
      current = run;
      if (stopRequested.get()) {
        run.stop();
      }
      ids.add(recorder.runId());
      ends.add(run.call());
      current = null;
    }
    return new Result(groupId, seeds, List.copyOf(ids), List.copyOf(ends));
  }

  /** Stops the run in progress after its current batch and trains no further seeds. Safe from any thread. */
  public void stop() {
    stopRequested.set(true);
    TrainingRun run = current;
    if (run != null) {
      run.stop();
    }
  }
}
