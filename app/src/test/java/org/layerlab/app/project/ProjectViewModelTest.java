package org.layerlab.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.AppContext;
import org.layerlab.app.MainViewModel;
import org.layerlab.app.OpenedProject;
import org.layerlab.app.StartupOptions;
import org.layerlab.app.TestChooser;
import org.layerlab.app.TestContexts;
import org.layerlab.app.concurrent.SameThreadTaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.ModelMessages;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;

class ProjectViewModelTest {

  @TempDir Path home;
  @TempDir Path files;
  private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
  private final TestChooser chooser = new TestChooser();
  private ProjectViewModel vm;

  @BeforeEach
  void setUp() {
    Messages.setLocale(Locale.ENGLISH);
    vm = create();
  }

  private ProjectViewModel create() {
    AppContext context = TestContexts.spiral(executor);
    return new ProjectViewModel(
        opened -> () -> new MainViewModel(opened == context.opened() ? context : context.withOpened(opened, context.datasets())),
        chooser,
        executor,
        context.opened(),
        ProjectFiles.resolve(TestContexts.spiralDir()),
        StartupOptions.samplesDir(),
        home);
  }

  /** The cards as the start page receives them (the same-thread executor hands them over at once). */
  private static List<SampleCard> sampleCards(ProjectViewModel vm) {
    List<List<SampleCard>> received = new java.util.ArrayList<>();
    vm.loadSampleCards(received::add);
    assertEquals(1, received.size(), "the cards arrive exactly once");
    return received.get(0);
  }

  @Test
  void anEditMakesTheProjectDirtyAndUndoingItByHandMakesItCleanAgain() {
    assertFalse(vm.isDirty());
    assertEquals("Layerlab — Spiral", vm.titleProperty().get());
    vm.main().modelEditor().addLayer(LayerType.DROPOUT);
    assertTrue(vm.isDirty());
    assertEquals("*Layerlab — Spiral", vm.titleProperty().get());
    vm.main().modelEditor().removeSelected();
    assertFalse(vm.isDirty());
    vm.main().setup().epochsTextProperty().set("7");
    assertTrue(vm.isDirty(), "training settings are part of the project");
  }

  @Test
  void whereTheUserPlacedLayersIsSavedDirtiesTheProjectAndComesBackOnOpen() throws Exception {
    org.layerlab.model.project.Layout.Position spot = new org.layerlab.model.project.Layout.Position(520, 48);
    vm.main().modelEditor().placeNodes(java.util.Map.of("output", spot));
    assertTrue(vm.isDirty(), "a moved node is a change");
    vm.main().modelEditor().undo();
    assertFalse(vm.isDirty(), "and undoing the move makes the project clean again");
    vm.main().modelEditor().redo();

    Path saved = files.resolve("placed.json");
    assertTrue(vm.saveTo(saved));
    assertFalse(vm.isDirty());
    assertFalse(vm.main().modelEditor().hasUnsavedEdits(), "saving marks the edit history saved");
    assertEquals(spot, ProjectFiles.read(saved).layout().position("output").orElseThrow());

    ProjectViewModel next = create();
    assertTrue(next.open(saved));
    assertEquals(520, next.main().modelEditor().canvas().node("output").orElseThrow().x());
    assertFalse(next.isDirty());
  }

  @Test
  void savingASampleAsksWhereAndNeverWritesOverTheSample() throws Exception {
    String sample = Files.readString(ProjectFiles.resolve(TestContexts.spiralDir()));
    vm.main().setup().epochsTextProperty().set("7");
    Path target = files.resolve("mine.json");
    chooser.answer(target);
    assertTrue(vm.save());
    assertEquals(1, chooser.asked());
    assertEquals(sample, Files.readString(ProjectFiles.resolve(TestContexts.spiralDir())));
    assertEquals(7, ProjectFiles.read(target).training().epochs());
    assertFalse(vm.isDirty());
    assertEquals(target, vm.fileProperty().get());

    vm.main().setup().epochsTextProperty().set("8");
    assertTrue(vm.save());
    assertEquals(1, chooser.asked(), "a saved project saves to its file without asking");
    assertEquals(8, ProjectFiles.read(target).training().epochs());
  }

  @Test
  void openingReplacesTheWindowStateAndIsRemembered() throws Exception {
    Path saved = files.resolve("wide.json");
    vm.main().modelEditor().select(1);
    vm.main().modelEditor().addLayer(LayerType.DROPOUT);
    vm.saveTo(saved);
    MainViewModel before = vm.main();

    ProjectViewModel next = create();
    assertEquals(4, next.main().modelEditor().items().size());
    chooser.answer(saved);
    assertTrue(next.open());
    assertTrue(next.main() != before);
    assertEquals(5, next.main().modelEditor().items().size());
    assertEquals("Dropout", next.main().modelEditor().items().get(2).typeName());
    assertFalse(next.isDirty());
    assertEquals(List.of(saved.toAbsolutePath().normalize()), next.recentProjects());
    assertEquals(List.of(saved.toAbsolutePath().normalize()), new RecentProjects(home).list());
  }

  @Test
  void aProjectThatCannotBeReadLeavesTheOpenOneAndSaysWhy() throws Exception {
    Path broken = Files.writeString(files.resolve("broken.json"), "{ nope");
    MainViewModel before = vm.main();
    vm.open(broken);
    assertTrue(vm.main() == before);
    assertTrue(vm.messageProperty().get().contains("broken.json"), vm.messageProperty().get());
  }

  @Test
  void autosaveWritesOnlyUnsavedChangesAndRestoresThemAfterACrash() throws Exception {
    vm.startAutosave(executor);
    executor.tick();
    assertFalse(vm.hasRecoverableAutosave(), "nothing to autosave in a clean project");
    vm.main().modelEditor().addLayer(LayerType.DROPOUT);
    executor.tick();
    assertTrue(vm.hasRecoverableAutosave());

    // The next session, as after a crash: it finds the autosave and restores the edit, still unsaved.
    ProjectViewModel next = create();
    assertTrue(next.hasRecoverableAutosave());
    assertTrue(next.restoreAutosave());
    assertEquals(5, next.main().modelEditor().items().size());
    assertTrue(next.isDirty());
    assertEquals(ProjectFiles.resolve(TestContexts.spiralDir()).toAbsolutePath().normalize(), next.fileProperty().get());

    Path target = files.resolve("kept.json");
    chooser.answer(target);
    assertTrue(next.save());
    assertFalse(next.hasRecoverableAutosave(), "a save makes the autosave obsolete");
  }

  @Test
  void theGalleryShowsEverySampleWithItsLayerStack() throws Exception {
    List<SampleCard> cards = sampleCards(vm);
    // every folder of the samples that holds a project.json, in name order
    List<String> expected;
    try (java.util.stream.Stream<Path> dirs = java.nio.file.Files.list(TestContexts.spiralDir().getParent())) {
      expected =
          dirs.filter(d -> java.nio.file.Files.isRegularFile(d.resolve(ProjectFiles.FILE_NAME)))
              .map(d -> d.getFileName().toString())
              .sorted()
              .toList();
    }
    assertTrue(expected.containsAll(List.of("fashion-mnist-mlp", "spiral")), expected.toString());
    assertEquals(expected, cards.stream().map(c -> c.path().getFileName().toString()).toList());
    SampleCard spiral = cards.get(expected.indexOf("spiral"));
    assertEquals(4, spiral.layers().size());
    assertEquals("Input", spiral.layers().get(0).type());
    assertTrue(spiral.layers().get(1).width() > spiral.layers().get(3).width(), "64 units draw wider than 3");
  }

  @Test
  void aNewProjectIsUntitledCleanAndAsksWhereToSave() throws Exception {
    assertTrue(vm.newProject());
    assertEquals("Layerlab — Untitled", vm.titleProperty().get());
    assertFalse(vm.isDirty());
    assertEquals(null, vm.fileProperty().get());
    assertEquals(2, vm.main().modelEditor().getModel().layers().size());
    assertTrue(vm.main().modelEditor().isValid(), vm.main().modelEditor().problemsTextProperty().get());
    Path target = files.resolve("new.json");
    chooser.answer(target);
    assertTrue(vm.save());
    assertEquals(1, chooser.asked(), "a never-saved project asks where");
    assertEquals("Untitled", ProjectFiles.read(target).name());
  }

  @Test
  void sampleTextsFollowTheLanguageButAUsersOwnProjectKeepsItsWords() throws Exception {
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    try {
      var spiral = sampleCards(vm).stream().filter(c -> c.path().getFileName().toString().equals("spiral")).findFirst().orElseThrow();
      assertEquals(Messages.get("sample.spiral.name"), spiral.name());
      assertFalse(spiral.name().equals("Spiral"), "translated");
      assertEquals(Messages.get("sample.spiral.name"), vm.main().projectName());

      Path dir = files.resolve("spiral");
      Files.createDirectories(dir);
      vm.saveTo(dir);
      vm.main().setup().epochsTextProperty().set("9");
      Project renamed = ProjectFiles.read(dir);
      ProjectFiles.write(new Project("My spiral", renamed.description(), renamed.model(), renamed.dataset(), renamed.training()), dir);
      assertTrue(vm.open(dir));
      assertEquals("My spiral", vm.main().projectName(), "a project renamed by its user is not a sample any more");
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }

  @Test
  void theBuiltInSpiralShownWhenAProjectCannotBeOpenedIsNamedInTheWindowsLanguage() {
    AppContext context = TestContexts.spiral(executor);
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    try {
      OpenedProject fallback = OpenedProject.open(files.resolve("missing"));
      MainViewModel main = new MainViewModel(context.withOpened(fallback, context.datasets()));
      assertEquals(Messages.get("sample.spiral.name"), main.projectName());
      assertEquals(Messages.get("sample.spiral.description"), main.projectDescription());
      assertFalse(main.projectName().equals(fallback.project().name()), "translated, the project itself stays English");
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }

  @Test
  void inChineseAnInvalidProjectFileSaysItsProblemInChinese() throws Exception {
    String sample = Files.readString(ProjectFiles.resolve(TestContexts.spiralDir()));
    String typo = sample.replaceFirst("\"type\"\\s*:\\s*\"Dense\"", "\"type\": \"Dens\"");
    assertFalse(typo.equals(sample), "the sample has a Dense layer to misspell");
    Path broken = Files.writeString(files.resolve("typo.json"), typo);
    ProjectFileException refusal = assertThrows(ProjectFileException.class, () -> ProjectFiles.read(broken));
    String chinese = ModelMessages.of(Locale.SIMPLIFIED_CHINESE).get("projectFile.layer.unknownType", "Dens", String.valueOf(LayerType.jsonNames()));

    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    try {
      MainViewModel before = vm.main();
      assertTrue(vm.open(broken), "reading starts");
      assertTrue(vm.main() == before);
      assertEquals(Messages.get("app.projectFallback", broken, refusal.message(Locale.SIMPLIFIED_CHINESE)), vm.messageProperty().get());
      assertTrue(vm.messageProperty().get().contains(refusal.location() + ": " + chinese), vm.messageProperty().get());
      assertFalse(vm.messageProperty().get().contains(refusal.getMessage()), "not the English of the command line");
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }
}
