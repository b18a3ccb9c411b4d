package org.layerlab.app;

import java.nio.file.Path;
import java.util.Objects;
import org.layerlab.app.lessons.LessonViewModel;
import org.layerlab.app.project.FileChooserService;
import org.layerlab.app.project.ProjectViewModel;
import org.layerlab.app.settings.SettingsViewModel;
import org.layerlab.app.data.DatasetCatalog;

/**
 * The whole workbench: the preferences, the project as a file (which owns the window's {@link MainViewModel}) and the lesson presets.
 * A language switch goes through {@link #relocalize()}, which keeps every piece of state and only republishes texts.
 */
public final class WorkbenchViewModel {

  private final SettingsViewModel settings;
  private final ProjectViewModel project;
  private final LessonViewModel lessons;

  /**
   * @param context the services and the project to start with
   * @param projectFile the file that project came from, or {@code null}
   * @param samplesDir the sample projects' folder, for the start page
   * @param home the workspace folder: settings, autosave, recent projects, the teacher's lessons
   */
  public WorkbenchViewModel(AppContext context, Path projectFile, Path samplesDir, Path home, FileChooserService chooser) {
    Objects.requireNonNull(context, "context");
    settings = new SettingsViewModel(home);
    project =
        new ProjectViewModel(
            opened -> {
              // On a worker for a project read from a file: the catalog reads the sample datasets' files.
              AppContext forOpened =
                  opened == context.opened()
                      ? context
                      : context.withOpened(opened, DatasetCatalog.load(opened.project(), opened.directory(), samplesDir));
              return () -> new MainViewModel(forOpened);
            },
            chooser,
            context.executor(),
            context.opened(),
            projectFile,
            samplesDir,
            home);
    lessons = new LessonViewModel(home.resolve("lessons"), settings.lessonProperty());
    settings.languageProperty().addListener((obs, old, now) -> relocalize());
  }

  public SettingsViewModel settings() {
    return settings;
  }

  public ProjectViewModel project() {
    return project;
  }

  public LessonViewModel lessons() {
    return lessons;
  }

  public MainViewModel main() {
    return project.main();
  }

  /** Republishes every view model's texts in the language {@code Messages} now speaks; the model, the runs and a running run stay. */
  public void relocalize() {
    MainViewModel m = project.main();
    m.modelEditor().relocalize();
    m.data().relocalize();
    m.check().relocalize();
    m.setup().relocalize();
    m.layerSheet().relocalize();
    m.summary().refresh();
    m.code().relocalize();
    m.training().relocalize();
    m.runs().relocalize();
    project.relocalize();
  }

  /** Stops autosaving and a running run; for closing the window. */
  public void shutdown() {
    project.stopAutosave();
    project.main().shutdown();
  }
}
