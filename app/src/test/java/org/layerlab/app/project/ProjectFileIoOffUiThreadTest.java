package org.layerlab.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.AppContext;
import org.layerlab.app.MainViewModel;
import org.layerlab.app.StartupOptions;
import org.layerlab.app.TestChooser;
import org.layerlab.app.TestContexts;
import org.layerlab.app.concurrent.Cancellable;
import org.layerlab.app.concurrent.SameThreadTaskExecutor;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;

/**
 * The project's file commands with an executor that holds background work until the test runs it: whatever happens before that ran
 * on the calling (UI) thread, so the file system must be untouched then, and the window state must change only in the callbacks.
 */
class ProjectFileIoOffUiThreadTest {

  @TempDir Path home;
  @TempDir Path files;
  private final QueuedExecutor queue = new QueuedExecutor();
  private ProjectViewModel vm;

  @BeforeEach
  void setUp() {
    Messages.setLocale(Locale.ENGLISH);
    AppContext context = TestContexts.spiral(new SameThreadTaskExecutor());
    vm =
        new ProjectViewModel(
            opened -> () -> new MainViewModel(opened == context.opened() ? context : context.withOpened(opened, context.datasets())),
            new TestChooser(),
            queue,
            context.opened(),
            ProjectFiles.resolve(TestContexts.spiralDir()),
            StartupOptions.samplesDir(),
            home);
    queue.runAll(); // the recent projects, read at start
  }

  @Test
  void saveWritesOnAWorkerAndTheDirtyMarkerClearsOnlyAfterTheWrite() throws Exception {
    Path target = Files.writeString(files.resolve("mine.json"), "before");
    vm.main().modelEditor().addLayer(LayerType.DROPOUT);
    Project asSaved = vm.currentProject();
    assertEquals("*Layerlab — Spiral", vm.titleProperty().get());

    assertTrue(vm.saveTo(target));
    assertEquals("before", Files.readString(target), "the calling thread wrote nothing");
    assertTrue(vm.isDirty());

    queue.runWork();
    assertEquals(ProjectFiles.toJson(asSaved), Files.readString(target), "the worker wrote the project's JSON");
    assertTrue(vm.isDirty(), "still dirty until the result is back on the UI thread");
    assertEquals("*Layerlab — Spiral", vm.titleProperty().get());
    assertFalse(target.equals(vm.fileProperty().get()));

    queue.runCallbacks();
    assertFalse(vm.isDirty());
    assertEquals("Layerlab — Spiral", vm.titleProperty().get());
    assertEquals(target.toAbsolutePath().normalize(), vm.fileProperty().get());
    queue.runAll();
    assertEquals(List.of(target.toAbsolutePath().normalize()), vm.recentProjects(), "remembered once its file is written");
  }

  @Test
  void openReadsTheFileOnAWorkerAndSwitchesTheWindowInTheCallback() throws Exception {
    Path other = files.resolve("other.json");
    MainViewModel before = vm.main();

    // The file does not exist yet when open is called: only a read that happens later, on the worker, can find it.
    assertTrue(vm.open(other));
    Project spiral = ProjectFiles.read(TestContexts.spiralDir());
    ProjectFiles.write(new Project("Elsewhere", spiral.description(), spiral.model(), spiral.dataset(), spiral.training()), other);
    assertTrue(vm.main() == before);

    queue.runWork();
    assertTrue(vm.main() == before, "the window switches only on the UI thread");
    assertEquals("Layerlab — Spiral", vm.titleProperty().get());

    queue.runCallbacks();
    assertFalse(vm.main() == before);
    assertEquals("Layerlab — Elsewhere", vm.titleProperty().get());
    assertEquals(other.toAbsolutePath().normalize(), vm.fileProperty().get());
    assertFalse(vm.isDirty());
  }

  @Test
  void anUnreadableFileIsReportedByTheCallbackAndLeavesTheOpenProject() throws Exception {
    Path broken = Files.writeString(files.resolve("broken.json"), "{ nope");
    MainViewModel before = vm.main();
    String message = vm.messageProperty().get();

    assertTrue(vm.open(broken));
    queue.runWork();
    assertEquals(message, vm.messageProperty().get(), "nothing is said before the result is back on the UI thread");

    queue.runCallbacks();
    assertTrue(vm.messageProperty().get().contains("broken.json"), vm.messageProperty().get());
    assertTrue(vm.main() == before);
    assertEquals(ProjectFiles.resolve(TestContexts.spiralDir()).toAbsolutePath().normalize(), vm.fileProperty().get());
  }

  @Test
  void autosaveWritesTheProjectAsItWasWhenTheTimerFired() throws Exception {
    Path autosave = home.resolve(ProjectViewModel.AUTOSAVE_DIR).resolve(ProjectFiles.FILE_NAME);
    vm.main().modelEditor().addLayer(LayerType.DROPOUT);
    int layers = vm.currentProject().model().layers().size();

    assertTrue(vm.autosave());
    assertFalse(vm.autosave(), "a second autosave does not overtake the one being written");
    assertFalse(Files.exists(autosave), "the calling thread wrote nothing");
    vm.main().modelEditor().addLayer(LayerType.DROPOUT); // an edit after the snapshot

    queue.runAll();
    assertEquals(layers, ProjectFiles.read(autosave).model().layers().size());
    assertTrue(vm.autosave(), "the next autosave may start once the last one ended");
  }

  @Test
  void theSampleCardsArriveOnlyOnceTheyAreRead() {
    List<List<SampleCard>> received = new ArrayList<>();
    vm.loadSampleCards(received::add);
    assertTrue(received.isEmpty());
    queue.runAll();
    assertEquals(1, received.size());
    assertTrue(received.get(0).stream().anyMatch(c -> c.path().getFileName().toString().equals("spiral")));
  }

  /** Holds background work until {@link #runWork()}, and its callbacks until {@link #runCallbacks()}. */
  private static final class QueuedExecutor implements TaskExecutor {
    private final Deque<Runnable> work = new ArrayDeque<>();
    private final Deque<Runnable> callbacks = new ArrayDeque<>();

    @Override
    public <T> void execute(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
      work.add(
          () -> {
            try {
              T result = task.call();
              callbacks.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
              callbacks.add(() -> onFailure.accept(e));
            }
          });
    }

    @Override
    public void runOnUiThread(Runnable action) {
      callbacks.add(action);
    }

    @Override
    public Cancellable repeatOnUiThread(Duration period, Runnable action) {
      return () -> {};
    }

    /** Runs the background work queued so far (what a worker thread would do). */
    void runWork() {
      List<Runnable> now = new ArrayList<>(work);
      work.clear();
      now.forEach(Runnable::run);
    }

    /** Runs the callbacks queued so far (what the UI thread would do). */
    void runCallbacks() {
      List<Runnable> now = new ArrayList<>(callbacks);
      callbacks.clear();
      now.forEach(Runnable::run);
    }

    /** Runs work and callbacks until nothing more is queued. */
    void runAll() {
      while (!work.isEmpty() || !callbacks.isEmpty()) {
        runWork();
        runCallbacks();
      }
    }
  }
}
