package org.layerlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.layerlab.app.concurrent.FxStallMeter;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.lessons.LessonControls;
import org.layerlab.app.lessons.LessonPreset;
import org.layerlab.app.project.ProjectViewModel;
import org.layerlab.app.project.StartPageView;
import org.layerlab.app.settings.Theme;
import org.layerlab.app.shortcuts.CheatSheet;
import org.layerlab.app.shortcuts.Shortcut;
import org.layerlab.app.shortcuts.ShortcutMap;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;

/**
 * The window's root: the menu bar (file, settings, help), the {@link MainView} of the open project with the start page, and a status
 * line. It rebuilds its content, never the view models, when the project, the language or the lesson changes, and restyles the scene
 * when the theme or the classroom text size changes. Keyboard shortcuts are one scene filter over a {@link ShortcutMap}.
 */
public final class WorkbenchView extends BorderPane {

  private final WorkbenchViewModel viewModel;
  private final ShortcutMap shortcuts = new ShortcutMap();
  private final ChangeListener<RunEnded> notifyRunEnded = (obs, old, ended) -> notifyRunEnded(ended);
  /** With {@code -Dlayerlab.stalls=true}: how long the window froze during each run, printed when the run ends. */
  private final FxStallMeter stallMeter = Boolean.getBoolean("layerlab.stalls") ? new FxStallMeter() : null;
  private final ChangeListener<Boolean> measureStalls = (obs, was, running) -> measureStalls(running);
  private MainViewModel listened;
  private Scene scene;

  public WorkbenchView(WorkbenchViewModel viewModel) {
    this.viewModel = viewModel;
    setId("workbench");
    initShortcuts();
    rebuild();
    initListeners();
  }

  /** A scene showing this view, styled, with the shortcuts installed. */
  public Scene createScene(double width, double height) {
    scene = new Scene(this, width, height);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    restyle();
    applyLesson();
    return scene;
  }

  private void initListeners() {
    ProjectViewModel project = viewModel.project();
    project.mainProperty().addListener((obs, old, main) -> rebuild());
    viewModel.settings().languageProperty().addListener((obs, old, now) -> rebuild());
    viewModel.lessons().activeProperty().addListener((obs, old, now) -> rebuild());
    viewModel.settings().themeProperty().addListener(o -> restyle());
    viewModel.settings().classroomProperty().addListener(o -> restyle());
  }

  private void rebuild() {
    MainViewModel main = viewModel.main();
    if (listened != main) {
      if (listened != null) {
        listened.training().lastRunProperty().removeListener(notifyRunEnded);
        listened.training().runningProperty().removeListener(measureStalls);
      }
      main.training().lastRunProperty().addListener(notifyRunEnded);
      main.training().runningProperty().addListener(measureStalls);
      listened = main;
    }
    // A language switch or a lesson rebuilds the view of the same project: stay on the page the user was on. Another project
    // opens on its model; the first view starts on the start page.
    String page = null;
    if (getCenter() instanceof MainView old) {
      page = old.main() == main ? old.selectedPage() : "modelTab";
    }
    MainView content = new MainView(main, new StartPageView(viewModel.project()));
    if (page != null) {
      content.showPage(page);
    }
    setTop(createMenuBar());
    setCenter(content);
    setBottom(createStatusLine());
    applyLesson();
  }

  private void restyle() {
    if (scene == null) {
      return;
    }
    // ControlsFX puts its notification sheet first in the owner's scene when the first notification shows, and a scene that gains a
    // sheet restyles every node: 0.4-0.8 s of frozen window at the end of the first run on a busy 2-core machine. Having it from the
    // start makes that restyle part of this one (which happens anyway).
    scene.getStylesheets().setAll(
        Notifications.class.getResource("notificationpopup.css").toExternalForm(),
        MainView.class.getResource(MainView.STYLESHEET).toExternalForm());
    Theme theme = viewModel.settings().themeProperty().get();
    if (theme.stylesheet() != null) {
      scene.getStylesheets().add(MainView.class.getResource(theme.stylesheet()).toExternalForm());
    }
    getStyleClass().remove("classroom");
    if (viewModel.settings().classroomProperty().get()) {
      getStyleClass().add("classroom");
    }
  }

  // ---- menus ------------------------------------------------------------------------------------------------------------------------

  private MenuBar createMenuBar() {
    ProjectViewModel project = viewModel.project();
    MenuItem newProject = item("newMenuItem", "menu.file.new", Shortcut.NEW);
    MenuItem open = item("openMenuItem", "menu.file.open", Shortcut.OPEN);
    MenuItem save = item("saveMenuItem", "menu.file.save", Shortcut.SAVE);
    MenuItem saveAs = item("saveAsMenuItem", "menu.file.saveAs", Shortcut.SAVE_AS);
    Menu recent = new Menu(Messages.get("menu.file.recent"));
    recent.setId("recentMenu");
    fillRecent(recent);
    // Weak: a language switch rebuilds the menus, and the old ones must not stay listening.
    ListChangeListener<Path> refill = c -> fillRecent(recent);
    recent.getProperties().put("refill", refill);
    project.recentProjects().addListener(new WeakListChangeListener<>(refill));
    Menu file = new Menu(Messages.get("menu.file"), null, newProject, open, recent, save, saveAs);
    file.setId("fileMenu");

    Menu language = new Menu(Messages.get("menu.settings.language"));
    language.setId("languageMenu");
    ToggleGroup languages = new ToggleGroup();
    for (Locale locale : viewModel.settings().languages()) {
      RadioMenuItem item = new RadioMenuItem(viewModel.settings().languageLabel(locale));
      item.setId("language-" + locale.getLanguage());
      item.setToggleGroup(languages);
      item.setSelected(locale.equals(viewModel.settings().languageProperty().get()));
      item.setOnAction(e -> viewModel.settings().languageProperty().set(locale));
      language.getItems().add(item);
    }

    Menu theme = new Menu(Messages.get("menu.settings.theme"));
    ToggleGroup themes = new ToggleGroup();
    for (Theme t : Theme.values()) {
      RadioMenuItem item = new RadioMenuItem(Messages.get("theme." + t.name()));
      item.setId("theme-" + t.name());
      item.setToggleGroup(themes);
      item.setSelected(t == viewModel.settings().themeProperty().get());
      item.setOnAction(e -> viewModel.settings().themeProperty().set(t));
      theme.getItems().add(item);
    }

    CheckMenuItem classroom = new CheckMenuItem(Messages.get("menu.settings.classroom"));
    classroom.setId("classroomMenuItem");
    classroom.selectedProperty().bindBidirectional(viewModel.settings().classroomProperty());

    Menu lesson = new Menu(Messages.get("menu.settings.lesson"));
    lesson.setId("lessonMenu");
    ToggleGroup lessons = new ToggleGroup();
    RadioMenuItem none = new RadioMenuItem(Messages.get("lesson.none"));
    none.setToggleGroup(lessons);
    none.setSelected(viewModel.lessons().active().isEmpty());
    none.setOnAction(e -> viewModel.settings().lessonProperty().set(""));
    lesson.getItems().add(none);
    for (LessonPreset preset : viewModel.lessons().presets()) {
      RadioMenuItem item = new RadioMenuItem(preset.title(Messages.locale()));
      item.setId("lesson-" + preset.id());
      item.setToggleGroup(lessons);
      item.setSelected(viewModel.lessons().active().map(p -> p.id().equals(preset.id())).orElse(false));
      item.setOnAction(e -> viewModel.settings().lessonProperty().set(preset.id()));
      lesson.getItems().add(item);
    }
    Menu settings = new Menu(Messages.get("menu.settings"), null, language, theme, classroom, lesson);
    settings.setId("settingsMenu");

    Menu help = new Menu(Messages.get("menu.help"), null, item("cheatSheetMenuItem", "menu.help.shortcuts", Shortcut.CHEAT_SHEET));
    MenuBar bar = new MenuBar(file, settings, help);
    bar.setId("menuBar");
    return bar;
  }

  private MenuItem item(String id, String key, Shortcut shortcut) {
    MenuItem item = new MenuItem(Messages.get(key));
    item.setId(id);
    // The keys show in the menu; the scene filter runs them, so the accelerator is for display only.
    item.setAccelerator(shortcut.keys());
    item.setOnAction(e -> shortcuts.run(shortcut, false));
    return item;
  }

  private void fillRecent(Menu recent) {
    recent.getItems().clear();
    for (Path p : viewModel.project().recentProjects()) {
      MenuItem item = new MenuItem(p.toString());
      item.setMnemonicParsing(false);
      item.setOnAction(e -> viewModel.project().open(p));
      recent.getItems().add(item);
    }
    recent.setDisable(recent.getItems().isEmpty());
  }

  private HBox createStatusLine() {
    Label message = new Label();
    message.setId("fileMessage");
    message.getStyleClass().add("hint-text");
    message.textProperty().bind(viewModel.project().messageProperty());
    Label lesson = new Label(viewModel.lessons().active().map(p -> Messages.get("lesson.active", p.title(Messages.locale()))).orElse(""));
    lesson.setId("lessonLabel");
    lesson.getStyleClass().add("lesson-text");
    HBox line = new HBox(16, lesson, message);
    line.setAlignment(Pos.CENTER_LEFT);
    line.getStyleClass().add("status-line");
    return line;
  }

  // ---- lessons ----------------------------------------------------------------------------------------------------------------------

  /**
   * Hides and locks the active lesson's controls. Needs the scene: split panes and tab panes make their children with their skins,
   * so before that the controls cannot be found.
   */
  private void applyLesson() {
    if (getScene() == null) {
      return;
    }
    MainView content = (MainView) getCenter();
    content.applyCss();
    for (String control : LessonControls.ALL) {
      boolean hidden = viewModel.lessons().isHidden(control);
      boolean locked = viewModel.lessons().isLocked(control);
      for (String id : LessonControls.NODES.get(control)) {
        if (id.endsWith("Tab")) {
          if (hidden) {
            content.tabs().getTabs().removeIf(t -> id.equals(t.getId()));
          } else if (locked) {
            tabsById(content, id).forEach(t -> t.setDisable(true));
          }
          continue;
        }
        Node node = content.lookup("#" + id);
        if (node == null) {
          continue;
        }
        if (hidden) {
          // A field shown only for some choices has its visibility bound; the lesson's view is rebuilt when the lesson ends, so
          // undoing that binding here loses nothing.
          node.visibleProperty().unbind();
          node.managedProperty().unbind();
          node.setVisible(false);
          node.setManaged(false);
        } else if (locked && !node.disableProperty().isBound()) {
          node.setDisable(true);
        }
      }
    }
  }

  private static List<Tab> tabsById(MainView content, String id) {
    return content.tabs().getTabs().stream().filter(t -> id.equals(t.getId())).toList();
  }

  // ---- shortcuts --------------------------------------------------------------------------------------------------------------------

  private void initShortcuts() {
    ProjectViewModel project = viewModel.project();
    shortcuts
        .on(Shortcut.NEW, project::newProject)
        .on(Shortcut.OPEN, project::open)
        .on(Shortcut.SAVE, project::save)
        .on(Shortcut.SAVE_AS, project::saveAs)
        .on(Shortcut.TRAIN, () -> viewModel.main().training().train())
        .on(Shortcut.STOP, () -> viewModel.main().training().stop())
        .enabledWhen(Shortcut.STOP, () -> viewModel.main().training().isRunning())
        .on(Shortcut.REMOVE_LAYER, () -> viewModel.main().modelEditor().removeSelected())
        .enabledWhen(Shortcut.REMOVE_LAYER, () -> modelFocused() && !viewModel.lessons().isLocked("layerCommands"))
        .on(Shortcut.UNDO, () -> viewModel.main().modelEditor().undo())
        .enabledWhen(Shortcut.UNDO, () -> !viewModel.lessons().isLocked("layerCommands"))
        .on(Shortcut.REDO, () -> viewModel.main().modelEditor().redo())
        .enabledWhen(Shortcut.REDO, () -> !viewModel.lessons().isLocked("layerCommands"))
        .on(Shortcut.REDO_ALT, () -> viewModel.main().modelEditor().redo())
        .enabledWhen(Shortcut.REDO_ALT, () -> !viewModel.lessons().isLocked("layerCommands"))
        .on(Shortcut.COPY, () -> viewModel.main().modelEditor().copy())
        .enabledWhen(Shortcut.COPY, this::modelFocused)
        .on(Shortcut.PASTE, () -> viewModel.main().modelEditor().paste())
        .enabledWhen(Shortcut.PASTE, () -> modelFocused() && !viewModel.lessons().isLocked("layerCommands"))
        .on(Shortcut.SELECT_ALL, () -> viewModel.main().modelEditor().selectAll())
        .enabledWhen(Shortcut.SELECT_ALL, this::modelFocused)
        .on(Shortcut.FIT_VIEW, () -> lookupModelEditor().ifPresent(m -> m.canvas().fitToView()))
        .on(Shortcut.MOVE_LAYER_UP, () -> viewModel.main().modelEditor().moveSelectedUp())
        .enabledWhen(Shortcut.MOVE_LAYER_UP, () -> !viewModel.lessons().isLocked("layerCommands"))
        .on(Shortcut.MOVE_LAYER_DOWN, () -> viewModel.main().modelEditor().moveSelectedDown())
        .enabledWhen(Shortcut.MOVE_LAYER_DOWN, () -> !viewModel.lessons().isLocked("layerCommands"))
        .on(Shortcut.CHEAT_SHEET, this::showCheatSheet);
  }

  /** Whether the keyboard is in the model page (its canvas, palette or settings), where copy, paste and Delete act on layers. */
  private boolean modelFocused() {
    for (javafx.scene.Node n = scene == null ? null : scene.getFocusOwner(); n != null; n = n.getParent()) {
      if (n instanceof org.layerlab.app.model.ModelEditorView) {
        return true;
      }
    }
    return false;
  }

  private java.util.Optional<org.layerlab.app.model.ModelEditorView> lookupModelEditor() {
    return java.util.Optional.ofNullable((org.layerlab.app.model.ModelEditorView) lookup("#modelEditor"));
  }

  private void onKey(KeyEvent event) {
    shortcuts
        .match(event)
        .ifPresent(
            s -> {
              boolean inText = scene.getFocusOwner() instanceof TextInputControl;
              if (shortcuts.run(s, inText)) {
                event.consume();
              }
            });
  }

  /** Opens the cheat sheet; public so that the screenshots can show it. */
  public CheatSheet showCheatSheet() {
    CheatSheet sheet = new CheatSheet(scene == null ? null : scene.getWindow());
    sheet.show();
    return sheet;
  }

  // ---- notifications ------------------------------------------------------------------------------------------------------------

  private void measureStalls(boolean running) {
    if (stallMeter == null) {
      return;
    }
    if (running) {
      stallMeter.start();
    } else if (stallMeter.isRunning()) {
      System.err.println("Layerlab: the window's stalls during the run: " + stallMeter.stop().describe());
    }
  }

  private void notifyRunEnded(RunEnded ended) {
    if (ended == null || scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
      return;
    }
    Notifications n =
        Notifications.create()
            .owner(scene.getWindow())
            .title(Messages.get("notify.runEnded", Messages.get("status." + ended.status().name())))
            .text(org.layerlab.app.training.TrainingViewModel.describe(ended))
            .hideAfter(Duration.seconds(6));
    if (ended.status() == RunStatus.FINISHED) {
      n.showInformation();
    } else {
      n.showWarning();
    }
  }
}
