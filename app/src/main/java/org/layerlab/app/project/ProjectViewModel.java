package org.layerlab.app.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.app.MainViewModel;
import org.layerlab.app.OpenedProject;
import org.layerlab.app.concurrent.Cancellable;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;

/**
 * The project being worked on as a file: which file it is, whether it has changes since it was opened or saved (the dirty marker),
 * open, save and save as, autosave to the workspace and recovery after a crash, and the recent projects.
 *
 * <p>The project as a whole is the model editor's model with the training panel's dataset and settings ({@code projectToTrain}); it is
 * dirty when its JSON differs from the JSON last opened or saved, so an edit undone by hand is clean again.
 *
 * <p>Opening a project replaces the window's {@link MainViewModel}; the view observes {@link #mainProperty()} and rebuilds.
 */
public final class ProjectViewModel {

  /** How often a dirty project is written to the workspace's autosave file. */
  public static final Duration AUTOSAVE_PERIOD = Duration.ofSeconds(20);

  static final String AUTOSAVE_DIR = "autosave";
  static final String AUTOSAVE_SOURCE = "source.txt";

  private final Function<OpenedProject, Supplier<MainViewModel>> factory;
  private final FileChooserService chooser;
  private final Path samplesDir;
  private final Path autosaveDir;
  private final RecentProjects recent;
  private final TaskExecutor executor;

  private final ReadOnlyObjectWrapper<MainViewModel> main = new ReadOnlyObjectWrapper<>(this, "main");
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
  // One wrapper, kept: a wrapper listens to its source weakly, so a new one per call could drop the caller's listeners.
  private final ObservableList<Path> recentProjectsView = FXCollections.unmodifiableObservableList(recentProjects);
  private final InvalidationListener onEdit = o -> updateDirty();
  private String savedJson = "";
  private Cancellable autosaveTimer;
  private boolean autosaving;

  /**
   * @param factory prepares the window's state for an opened project: called on a worker for a project read from a file (it may read
   *     what else it needs there, such as the dataset catalog), it returns what builds the state on the UI thread
   * @param opened the project to start with, from {@code file} ({@code null} for the built-in spiral)
   * @param workspaceHome where the autosave and the recent projects are kept
   * @param executor runs every file read and write on a worker and its outcome on the UI thread
   */
  public ProjectViewModel(
      Function<OpenedProject, Supplier<MainViewModel>> factory,
      FileChooserService chooser,
      TaskExecutor executor,
      OpenedProject opened,
      Path file,
      Path samplesDir,
      Path workspaceHome) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.chooser = Objects.requireNonNull(chooser, "chooser");
    this.samplesDir = samplesDir.toAbsolutePath().normalize();
    this.autosaveDir = workspaceHome.resolve(AUTOSAVE_DIR);
    this.executor = Objects.requireNonNull(executor, "executor");
    this.recent = new RecentProjects(workspaceHome);
    install(factory.apply(opened).get(), file);
    executor.execute(recent::list, recentProjects::setAll, e -> message.set(Messages.describe(e)));
  }

  // ---- state --------------------------------------------------------------------------------------------------------------------

  /** The window's state for the opened project; replaced when another project is opened. */
  public ReadOnlyObjectProperty<MainViewModel> mainProperty() {
    return main.getReadOnlyProperty();
  }

  public MainViewModel main() {
    return main.get();
  }

  /** The project file, or {@code null} when it has never been saved (the built-in spiral). */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  public boolean isDirty() {
    return dirty.get();
  }

  /** The window title: "Layerlab — Spiral", with a leading "*" while there are unsaved changes. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** What the last file command did or why it failed; empty at first. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Recently opened or saved project files, newest first. */
  public ObservableList<Path> recentProjects() {
    return recentProjectsView;
  }

  /** The project as it would be saved now: what training would train, and where the user placed the model's layers. */
  public Project currentProject() {
    return projectOf(main.get());
  }

  private static Project projectOf(MainViewModel m) {
    return m.training().projectToTrain().withLayout(m.modelEditor().getLayout());
  }

  // ---- commands -----------------------------------------------------------------------------------------------------------------

  /**
   * Asks for a project file and opens it, as {@link #open(Path)}; nothing happens when the user cancels.
   *
   * @return whether reading a file was started
   */
  public boolean open() {
    return chooser.chooseProjectToOpen().map(this::open).orElse(false);
  }

  /**
   * Opens the project at {@code path}: the file is read on a worker, and the window switches to it on the UI thread once it is read.
   * Refused while a run trains (it belongs to the open project); a project that cannot be read leaves the current one open and says
   * why in {@link #messageProperty()}.
   *
   * @return whether reading the file was started ({@code false} when refused); the outcome shows in {@link #mainProperty()},
   *     {@link #fileProperty()} and {@link #messageProperty()}
   */
  public boolean open(Path path) {
    if (isTraining()) {
      message.set(Messages.get("file.busy"));
      return false;
    }
    executor.execute(
        () -> {
          OpenedProject opened = OpenedProject.open(path);
          if (!opened.warning().isEmpty()) {
            return new Read(opened.warning(), null, null);
          }
          return new Read("", ProjectFiles.resolve(path).toAbsolutePath().normalize(), factory.apply(opened));
        },
        read -> {
          if (!read.warning().isEmpty()) {
            message.set(read.warning());
          } else if (isTraining()) { // a run started while the file was read
            message.set(Messages.get("file.busy"));
          } else {
            install(read.build().get(), read.file());
            remember(read.file());
            message.set(Messages.get("file.opened", read.file()));
          }
        },
        e -> message.set(Messages.get("project.openFailed", path, reason(e))));
    return true;
  }

  /** A project read on a worker: why it could not be read, or its file and what builds its window state. */
  private record Read(String warning, Path file, Supplier<MainViewModel> build) {}

  private boolean isTraining() {
    return main.get() != null && main.get().training().isRunning();
  }

  /**
   * Starts a new, unsaved project (an input and an output layer on the spiral data). Refused while a run trains, like
   * {@link #open(Path)}; the current project's unsaved changes stay in its autosave until the next autosave.
   */
  public boolean newProject() {
    if (isTraining()) {
      message.set(Messages.get("file.busy"));
      return false;
    }
    executor.execute(
        () -> factory.apply(OpenedProject.blank()),
        build -> {
          if (isTraining()) {
            message.set(Messages.get("file.busy"));
            return;
          }
          install(build.get(), null);
          message.set(Messages.get("file.created"));
        },
        e -> message.set(reason(e)));
    return true;
  }

  /**
   * Saves to the project's file; a sample or a never-saved project asks where, as {@link #saveAs()}.
   *
   * @return whether a write was started ({@code false} when the user cancelled the file chooser)
   */
  public boolean save() {
    return save(() -> {});
  }

  /** As {@link #save()}, then runs {@code onSaved} on the UI thread once the file is written (not when the write fails). */
  public boolean save(Runnable onSaved) {
    Path target = file.get();
    if (target == null || target.startsWith(samplesDir)) {
      return saveAs(onSaved);
    }
    return saveTo(target, onSaved);
  }

  /** Asks where to save and saves there; that file is the project's file from now on. */
  public boolean saveAs() {
    return saveAs(() -> {});
  }

  private boolean saveAs(Runnable onSaved) {
    String suggested = currentProject().name().replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase() + ".json";
    return chooser.chooseProjectToSave(suggested).map(target -> saveTo(target, onSaved)).orElse(false);
  }

  /**
   * Writes the project to {@code target} (a {@code .json} file or a folder) on a worker. The project is taken as it is now; the file,
   * the dirty marker, the title and the recent projects change once the write succeeded, and a failure says why in
   * {@link #messageProperty()}.
   *
   * @return {@code true}: the write was started
   */
  public boolean saveTo(Path target) {
    return saveTo(target, () -> {});
  }

  private boolean saveTo(Path target, Runnable onSaved) {
    Project project = currentProject(); // immutable: later edits do not reach this write
    String json = ProjectFiles.toJson(project);
    MainViewModel savedMain = main.get();
    executor.execute(
        () -> {
          Path written = ProjectFiles.write(project, target).toAbsolutePath().normalize();
          deleteAutosaveFiles();
          return written;
        },
        written -> {
          if (main.get() == savedMain) { // another project may have been opened meanwhile
            savedJson = json;
            savedMain.modelEditor().markSaved();
            file.set(written);
            updateDirty();
          }
          remember(written);
          message.set(Messages.get("file.saved", written));
          onSaved.run();
        },
        e -> message.set(Messages.get("file.saveFailed", target, reason(e))));
    return true;
  }

  /**
   * Writes the project to the workspace's autosave file when it has unsaved changes: the project is taken on the calling (UI) thread,
   * the files are written on a worker. An autosave still being written is not overtaken by the next one.
   *
   * @return whether a write was started
   */
  public boolean autosave() {
    if (!dirty.get() || autosaving) {
      return false;
    }
    Project project = currentProject();
    String source = file.get() == null ? "" : file.get().toString();
    autosaving = true;
    executor.execute(
        () -> {
          ProjectFiles.write(project, autosaveDir.resolve(ProjectFiles.FILE_NAME));
          Files.writeString(autosaveDir.resolve(AUTOSAVE_SOURCE), source, StandardCharsets.UTF_8);
          return true;
        },
        written -> {
          autosaving = false;
          if (!dirty.get()) { // saved while the autosave was written: it is obsolete already
            discardAutosave();
          }
        },
        e -> {
          autosaving = false;
          message.set(Messages.get("file.autosaveFailed", reason(e)));
        });
    return true;
  }

  /** Autosaves every {@link #AUTOSAVE_PERIOD} from now on: the timer and the snapshot on the UI thread, the write on a worker. */
  public void startAutosave(TaskExecutor executor) {
    stopAutosave();
    autosaveTimer = executor.repeatOnUiThread(AUTOSAVE_PERIOD, this::autosave);
  }

  public void stopAutosave() {
    if (autosaveTimer != null) {
      autosaveTimer.cancel();
      autosaveTimer = null;
    }
  }

  /**
   * Whether the workspace holds an autosave left behind by a session that did not end cleanly. Looks at the file system on the calling
   * thread; call it from a worker.
   */
  public boolean hasRecoverableAutosave() {
    return Files.isRegularFile(autosaveDir.resolve(ProjectFiles.FILE_NAME));
  }

  /** Looks for a recoverable autosave on a worker, then tells {@code onChecked} on the UI thread whether there is one. */
  public void checkAutosave(Consumer<Boolean> onChecked) {
    executor.execute(
        this::hasRecoverableAutosave,
        onChecked,
        e -> {
          message.set(reason(e));
          onChecked.accept(false);
        });
  }

  /**
   * Opens the autosaved project, read on a worker. It keeps the file it was autosaved from (so Save writes there) and stays dirty,
   * because its changes were never saved.
   *
   * @return {@code true}: reading the autosave was started; the outcome shows in {@link #mainProperty()} and {@link #messageProperty()}
   */
  public boolean restoreAutosave() {
    executor.execute(
        () -> {
          OpenedProject opened = OpenedProject.open(autosaveDir.resolve(ProjectFiles.FILE_NAME));
          Path source = null;
          try {
            String text = Files.readString(autosaveDir.resolve(AUTOSAVE_SOURCE), StandardCharsets.UTF_8).trim();
            source = text.isEmpty() ? null : Path.of(text);
          } catch (IOException e) {
            // No source recorded: the restored project is treated as never saved, and Save asks where.
          }
          if (!opened.warning().isEmpty()) {
            return new Read(opened.warning(), null, null);
          }
          return new Read("", source, factory.apply(opened));
        },
        restored -> {
          if (!restored.warning().isEmpty()) {
            message.set(restored.warning());
            return;
          }
          install(restored.build().get(), restored.file());
          savedJson = "";
          updateDirty();
          message.set(Messages.get("file.restored"));
        },
        e -> message.set(Messages.get("project.openFailed", autosaveDir.resolve(ProjectFiles.FILE_NAME), reason(e))));
    return true;
  }

  /**
   * Deletes the autosave on a worker: after a save, after the user declined to restore it, and when the window closes cleanly (the
   * application waits for its workers before it exits).
   */
  public void discardAutosave() {
    executor.execute(
        () -> {
          deleteAutosaveFiles();
          return true;
        },
        done -> {},
        e -> message.set(Messages.get("project.autosaveDeleteFailed", autosaveDir, reason(e))));
  }

  private void deleteAutosaveFiles() throws IOException {
    Files.deleteIfExists(autosaveDir.resolve(ProjectFiles.FILE_NAME));
    Files.deleteIfExists(autosaveDir.resolve(AUTOSAVE_SOURCE));
  }

  /**
   * Reads the sample projects on a worker and hands their cards to {@code onRead} on the UI thread. A sample that cannot be read is
   * left out, and {@link #messageProperty()} says why.
   */
  public void loadSampleCards(Consumer<List<SampleCard>> onRead) {
    executor.execute(
        this::readSampleCards,
        read -> {
          read.problems().forEach(message::set);
          onRead.accept(read.cards());
        },
        e -> {
          message.set(reason(e));
          onRead.accept(List.of());
        });
  }

  /** The sample projects in the samples folder: every folder with a {@code project.json}, by name. Reads the disk: off the UI thread. */
  List<Path> samples() {
    try (var dirs = Files.list(samplesDir)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve(ProjectFiles.FILE_NAME))).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private record SampleRead(List<SampleCard> cards, List<String> problems) {}

  /** The sample projects with what their thumbnails draw, and why the ones left out could not be read. Runs on a worker. */
  private SampleRead readSampleCards() {
    List<SampleCard> cards = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path dir : samples()) {
      try {
        Project p = ProjectFiles.read(dir);
        List<SampleCard.Layer> layers =
            p.model().layers().stream()
                .map(l -> new SampleCard.Layer(l.type().jsonName(), l.type().family().name(), thumbnailWidth(l)))
                .toList();
        // Sample files hold English; the bundle may translate a sample's name and description, keyed by its folder.
        String key = "sample." + dir.getFileName();
        cards.add(
            new SampleCard(
                dir, Messages.getOrDefault(key + ".name", p.name()), Messages.getOrDefault(key + ".description", p.description()), layers));
      } catch (org.layerlab.model.project.ProjectFileException e) {
        problems.add(Messages.describe(e));
      }
    }
    return new SampleRead(List.copyOf(cards), List.copyOf(problems));
  }

  /** Why {@code e} happened, in the window's language when it comes from the model builder (a project file's problem). */
  private static String reason(Throwable e) {
    return Messages.describe(e);
  }

  static double thumbnailWidth(org.layerlab.model.LayerSpec layer) {
    Object size = layer.settings().getOrDefault("units", layer.settings().get("filters"));
    if (size instanceof Number n && n.doubleValue() > 0) {
      return Math.max(0.2, Math.min(1, Math.log(n.doubleValue() + 1) / Math.log(1024)));
    }
    return layer.type() == org.layerlab.model.layer.LayerType.INPUT ? 1 : 0.35;
  }

  // ---- internals ----------------------------------------------------------------------------------------------------------------

  private void install(MainViewModel next, Path projectFile) {
    MainViewModel old = main.get();
    if (old != null) {
      unlisten(old);
      old.shutdown();
    }
    file.set(projectFile == null ? null : projectFile.toAbsolutePath().normalize());
    main.set(next);
    next.modelEditor().modelProperty().addListener(onEdit);
    next.modelEditor().layoutProperty().addListener(onEdit);
    next.setup().settingsProperty().addListener(onEdit);
    next.data().datasetProperty().addListener(onEdit);
    next.data().validationFractionProperty().addListener(onEdit);
    savedJson = ProjectFiles.toJson(projectOf(next));
    updateDirty();
    next.start();
  }

  private void unlisten(MainViewModel old) {
    old.modelEditor().modelProperty().removeListener(onEdit);
    old.modelEditor().layoutProperty().removeListener(onEdit);
    old.setup().settingsProperty().removeListener(onEdit);
    old.data().datasetProperty().removeListener(onEdit);
    old.data().validationFractionProperty().removeListener(onEdit);
  }

  private void updateDirty() {
    MainViewModel m = main.get();
    boolean changed = m != null && !ProjectFiles.toJson(projectOf(m)).equals(savedJson);
    dirty.set(changed);
    relocalize();
  }

  /** Republishes the title in the current language. */
  public void relocalize() {
    MainViewModel m = main.get();
    String name = m == null ? "" : m.projectName();
    title.set((dirty.get() ? "*" : "") + Messages.get("app.title", name));
  }

  /** Records {@code projectFile} first among the recent projects: the file is updated on a worker, the list once it is written. */
  private void remember(Path projectFile) {
    executor.execute(
        () -> recent.add(projectFile),
        recentProjects::setAll,
        e -> message.set(Messages.get("project.recentFailed", reason(e))));
  }

  /** The project file a path names: the file itself, or the {@code project.json} in a folder. */
  static Optional<Path> projectFile(Path path) {
    Path f = ProjectFiles.resolve(path);
    return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
  }
}
