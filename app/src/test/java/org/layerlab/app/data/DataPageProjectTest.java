package org.layerlab.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.AppContext;
import org.layerlab.app.MainViewModel;
import org.layerlab.app.StartupOptions;
import org.layerlab.app.TestChooser;
import org.layerlab.app.TestContexts;
import org.layerlab.app.concurrent.SameThreadTaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.project.ProjectViewModel;
import org.layerlab.model.project.DatasetRef.Normalisation;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;

/** What the data page sets is what a run trains on and what the project saves, and it marks the project dirty. */
class DataPageProjectTest {

  @TempDir Path home;
  @TempDir Path files;

  @Test
  void splitsAndOptionsReachTheRunAndTheSavedFileAndMarkTheProjectDirty() throws Exception {
    Messages.setLocale(Locale.ENGLISH);
    SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    AppContext context = TestContexts.spiral(executor);
    TestChooser chooser = new TestChooser();
    ProjectViewModel project =
        new ProjectViewModel(
            opened -> () -> new MainViewModel(context),
            chooser,
            executor,
            context.opened(),
            ProjectFiles.resolve(TestContexts.spiralDir()),
            StartupOptions.samplesDir(),
            home);
    DataViewModel data = project.main().data();
    assertEquals(context.opened().project().training().validationFraction(), data.validationFractionProperty().get());
    assertFalse(project.isDirty());

    data.validationFractionProperty().set(0.3);
    assertTrue(project.isDirty(), "the validation share is part of the project");
    data.validationFractionProperty().set(context.opened().project().training().validationFraction());
    assertFalse(project.isDirty());

    data.normalisationProperty().set(Normalisation.STANDARD);
    data.testFractionProperty().set(0.1);
    data.validationFractionProperty().set(0.25);
    assertTrue(project.isDirty());

    Project run = project.main().training().projectToTrain();
    assertEquals(Normalisation.STANDARD, run.dataset().options().normalisation());
    assertEquals(0.1, run.dataset().options().testFraction());
    assertEquals(0.25, run.training().validationFraction());

    Path target = files.resolve("mine.json");
    chooser.answer(target);
    assertTrue(project.save());
    Project saved = ProjectFiles.read(target);
    assertEquals(run.dataset(), saved.dataset());
    assertEquals(0.25, saved.training().validationFraction());
  }
}
