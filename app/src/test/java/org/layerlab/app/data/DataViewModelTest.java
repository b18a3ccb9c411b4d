package org.layerlab.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.concurrent.Cancellable;
import org.layerlab.app.concurrent.SameThreadTaskExecutor;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LocalText;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Augmentation;
import org.layerlab.model.project.DatasetRef.Normalisation;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.model.project.DatasetRef.Task;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.CsvReader;
import org.layerlab.runtime.data.DatasetException;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.data.SpiralGenerator;
import org.layerlab.runtime.preview.DataPreview;
import org.layerlab.runtime.preview.DataPreviews;
import org.layerlab.runtime.text.RuntimeMessages;

/** The data page's state, on real data the test writes or generates, with work done at once on the test's thread. */
class DataViewModelTest {

  @TempDir Path dir;

  private static final DatasetRef.Spiral SPIRAL = new DatasetRef.Spiral(3, 100, 0.2, 7);
  private static final DatasetRef.Synthetic MOONS = DatasetCatalog.defaultSynthetic(SyntheticKind.MOONS);

  private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
  private final TestDataChooser chooser = new TestDataChooser();
  private DataViewModel vm;

  @BeforeEach
  void setUp() {
    Messages.setLocale(Locale.ENGLISH);
    vm = viewModel(executor, SPIRAL, MOONS);
    vm.checkDataset();
  }

  @AfterEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  private DataViewModel viewModel(TaskExecutor ex, DatasetRef... refs) {
    List<DatasetChoice> choices = new ArrayList<>();
    for (DatasetRef r : refs) {
      choices.add(new DatasetChoice(DatasetCatalog.label(r), r));
    }
    DataViewModel m =
        new DataViewModel(dir, DatasetCatalog.of(choices), DatasetLoader::signature, DataPreviews::load, ex, 0.2);
    m.useFileChooser(chooser);
    return m;
  }

  private LoadedData loadedAsARunWould(DataViewModel m) throws Exception {
    return DatasetLoader.load(
        m.ref(), dir, TrainingSettings.defaults().withValidationFraction(m.validationFractionProperty().get()));
  }

  @Test
  void optionsAreWrittenIntoTheDatasetAndReplaceTheChoice() {
    AtomicInteger changes = new AtomicInteger();
    vm.datasetProperty().addListener(o -> changes.incrementAndGet());
    DatasetChoice before = vm.datasetProperty().get();

    vm.normalisationProperty().set(Normalisation.STANDARD);
    vm.testFractionProperty().set(0.1);

    assertEquals(new Options(0.1, Normalisation.STANDARD, Augmentation.NONE), vm.ref().options());
    assertEquals(SPIRAL.withOptions(vm.ref().options()), vm.ref(), "the data itself is unchanged");
    assertEquals(2, changes.get(), "each edit replaces the choice, so a project listening marks itself dirty");
    assertNotSame(before, vm.datasetProperty().get());
    assertSame(vm.datasetProperty().get(), vm.datasets().get(0), "the list holds the edited dataset");
  }

  @Test
  void theCountsAreWhatARunSplitsAndFollowTheSliders() throws Exception {
    assertNotNull(vm.previewProperty().get());
    for (double validation : new double[] {0.2, 0.35, 0.05}) {
      for (double test : new double[] {0, 0.15}) {
        vm.validationFractionProperty().set(validation);
        vm.testFractionProperty().set(test);
        LoadedData run = loadedAsARunWould(vm);
        int testSize = run.test().map(d -> d.size()).orElse(0);
        assertEquals(
            "Training " + run.train().size() + " · validation " + run.validation().size() + " · test " + testSize + " samples",
            vm.countsTextProperty().get());
        assertEquals(run.validation().size(), vm.splitCountsProperty().get().validationTotal());
      }
    }
  }

  @Test
  void choosingAnotherDatasetPreviewsItAndReadsItsOwnOptions() {
    DatasetRef.Synthetic withOptions = MOONS.withOptions(Options.NONE.withTestFraction(0.25).withNormalisation(Normalisation.MIN_MAX));
    vm.datasetProperty().set(new DatasetChoice("moons", withOptions));

    assertEquals(DataPreview.Kind.POINTS, vm.previewProperty().get().kind());
    assertEquals(0.25, vm.testFractionProperty().get());
    assertEquals(Normalisation.MIN_MAX, vm.normalisationProperty().get());
    assertEquals(withOptions, vm.ref(), "reading the options does not write them back changed");
    assertEquals("400", vm.samplesTextProperty().get());
    assertFalse(vm.imageDataProperty().get(), "points cannot be augmented");
  }

  @Test
  void editingAGeneratorsSettingsMakesANewDatasetAndABadValueSaysWhy() {
    vm.datasetProperty().set(vm.datasets().get(1));
    vm.samplesTextProperty().set("200");
    vm.noiseTextProperty().set("0.3");

    DatasetRef.Synthetic edited = (DatasetRef.Synthetic) vm.ref();
    assertEquals(200, edited.samples());
    assertEquals(0.3, edited.noise());
    assertEquals(200, vm.previewProperty().get().total(), "the preview is read again");

    vm.classesTextProperty().set("7");
    assertEquals("Classes must be a whole number from 2 to 2.", vm.parameterProblemProperty().get());
    assertEquals(edited, vm.ref(), "an unusable value changes nothing");
    vm.classesTextProperty().set("2");
    assertEquals("", vm.parameterProblemProperty().get());
  }

  @Test
  void aCsvFileImportedThroughTheChooserGetsItsTargetColumnAndTask() throws Exception {
    StringBuilder csv = new StringBuilder("width,colour,kind\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i % 7).append(',').append(i % 3 == 0 ? "red" : "blue").append(',').append(i % 2 == 0 ? "cat" : "dog").append('\n');
    }
    Path file = Files.writeString(dir.resolve("pets.csv"), csv, StandardCharsets.UTF_8);
    chooser.answer(file);

    vm.importData(DataFileChooser.Kind.CSV);

    DatasetRef.Csv ref = (DatasetRef.Csv) vm.ref();
    assertEquals(List.of(DataFileChooser.Kind.CSV), chooser.asked);
    assertEquals("pets.csv", ref.path(), "a file in the project folder is stored relative to it");
    assertEquals(List.of("kind"), ref.targets());
    assertEquals(List.of("colour"), ref.categorical());
    assertEquals(Task.CLASSIFICATION, ref.task());
    assertEquals(3, vm.datasets().size());
    assertTrue(vm.csvProperty().get());
    assertEquals(List.of("width", "colour", "kind"), vm.csvColumns());
    assertEquals(DataPreview.Kind.TABLE, vm.previewProperty().get().kind());
    assertEquals("Samples (N, 3) · 2 classes", vm.datasetInfoProperty().get());

    vm.csvTargetProperty().set("width");
    vm.csvTaskProperty().set(Task.REGRESSION);
    DatasetRef.Csv retargeted = (DatasetRef.Csv) vm.ref();
    assertEquals(List.of("width"), retargeted.targets());
    assertEquals(Task.REGRESSION, retargeted.task());
  }

  @Test
  void anIdxFolderImportedThroughTheChooserShowsImagesAndItsOwnTestSet() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("digits"));
    idx(folder, "train", 40);
    idx(folder, "t10k", 10);
    chooser.answer(folder.resolve("train-images-idx3-ubyte"));

    vm.importData(DataFileChooser.Kind.IDX);

    assertEquals(new DatasetRef.Idx("digits", "digits", null, false, List.of(), Options.NONE), vm.ref());
    assertEquals(DataPreview.Kind.IMAGES, vm.previewProperty().get().kind());
    assertTrue(vm.imageDataProperty().get());
    assertFalse(vm.testFractionAppliesProperty().get(), "the t10k files are its test set");
    assertEquals(10, vm.splitCountsProperty().get().testTotal());

    vm.flipProperty().set(true);
    vm.cropPaddingProperty().set(2);
    assertEquals(new Augmentation(true, 2, 0, 0), vm.ref().options().augmentation());
  }

  @Test
  void anImageFolderIsResizedAsAskedAndCifarBatchesAreRecognised() throws Exception {
    for (String cls : List.of("cats", "dogs")) {
      Path sub = Files.createDirectories(dir.resolve("pets").resolve(cls));
      for (int i = 0; i < 3; i++) {
        javax.imageio.ImageIO.write(
            new java.awt.image.BufferedImage(12, 10, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", sub.resolve(i + ".png").toFile());
      }
    }
    chooser.answer(dir.resolve("pets"));
    vm.importData(DataFileChooser.Kind.IMAGE_FOLDER);
    assertEquals(new DatasetRef.ImageFolder("pets", "pets", 32, 32, 3, Options.NONE), vm.ref());
    assertEquals(32, vm.previewProperty().get().images().get(0).width());

    vm.imageSizeTextProperty().set("8");
    vm.greyProperty().set(true);
    assertEquals(new DatasetRef.ImageFolder("pets", "pets", 8, 8, 1, Options.NONE), vm.ref());
    assertEquals(8, vm.previewProperty().get().images().get(0).width());
    assertEquals(1, vm.previewProperty().get().images().get(0).channels());
    vm.imageSizeTextProperty().set("big");
    assertTrue(vm.parameterProblemProperty().get().startsWith("Resize to"), vm.parameterProblemProperty().get());

    Path cifar = Files.createDirectories(dir.resolve("cifar-100-binary"));
    Files.write(cifar.resolve("train.bin"), new byte[3074 * 4]);
    chooser.answer(cifar);
    vm.importData(DataFileChooser.Kind.CIFAR);
    assertEquals(DatasetRef.CifarVariant.CIFAR_100, ((DatasetRef.Cifar) vm.ref()).variant());
    vm.cifarVariantProperty().set(DatasetRef.CifarVariant.CIFAR_100_COARSE);
    assertEquals(DatasetRef.CifarVariant.CIFAR_100_COARSE, ((DatasetRef.Cifar) vm.ref()).variant());
  }

  @Test
  void cancellingTheChooserChangesNothing() {
    DatasetChoice before = vm.datasetProperty().get();

    vm.importData(DataFileChooser.Kind.IMAGE_FOLDER);

    assertSame(before, vm.datasetProperty().get());
    assertEquals(2, vm.datasets().size());
  }

  @Test
  void badDataShowsTheReadersMessageNamingFileAndLine() throws Exception {
    Files.writeString(dir.resolve("bad.csv"), "x,label\n1,a\n2,b\n4,a,9\n3,b\n", StandardCharsets.UTF_8);
    chooser.answer(dir.resolve("bad.csv"));

    vm.importData(DataFileChooser.Kind.CSV);

    assertNull(vm.previewProperty().get());
    String problem = vm.previewProblemProperty().get();
    assertTrue(problem.contains("bad.csv") && problem.contains("line 4"), problem);
    assertEquals(problem, vm.datasetProblemProperty().get());
    assertNull(vm.dataSignatureProperty().get());
    assertEquals("", vm.countsTextProperty().get());
  }

  @Test
  void aCorruptFilesProblemIsSaidInTheWindowsLanguage() throws Exception {
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    try {
      Path bad = Files.writeString(dir.resolve("bad.csv"), "x,label\n1,a\n2,b\n4,a,9\n3,b\n", StandardCharsets.UTF_8);
      chooser.answer(bad);

      vm.importData(DataFileChooser.Kind.CSV);

      // what the runtime's Chinese bundle says of line 4, not the English the command line prints
      String pattern = LocalText.bundle(RuntimeMessages.BUNDLE, Locale.SIMPLIFIED_CHINESE).getString("data.csv.cellCount");
      String chinese = bad + ": " + new MessageFormat(pattern, Locale.ROOT).format(new Object[] {"4", "3", "2", "x, label", ","});
      assertEquals(chinese, vm.datasetProblemProperty().get());
      assertEquals(chinese, vm.previewProblemProperty().get());
      DatasetException read = assertThrows(DatasetException.class, () -> CsvReader.read(bad, (DatasetRef.Csv) vm.ref()));
      assertEquals(read.message(Locale.SIMPLIFIED_CHINESE), chinese);

      Messages.setLocale(Locale.ENGLISH);
      vm.relocalize();
      assertEquals(read.getMessage(), vm.datasetProblemProperty().get(), "a language switch says the problem again");
      assertEquals(read.getMessage(), vm.previewProblemProperty().get());
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }

  @Test
  void aGeneratedSetsClassNamesAreShownInTheWindowsLanguage() {
    List<String> english = vm.previewProperty().get().groupNames();
    assertEquals(SpiralGenerator.generate(SPIRAL).classNames(), english, "English names as the data has them");

    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    try {
      vm.relocalize();
      List<String> chinese = vm.previewProperty().get().groupNames();
      for (int c = 0; c < english.size(); c++) {
        assertEquals(RuntimeMessages.get(Locale.SIMPLIFIED_CHINESE, "generated.arm", String.valueOf(c + 1)), chinese.get(c));
      }
      assertEquals(english.size(), chinese.size());
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
    vm.relocalize();
    assertEquals(english, vm.previewProperty().get().groupNames());
  }

  @Test
  void aLoadingPreviewShowsProgressAndCanBeCancelled() {
    DeferredExecutor deferred = new DeferredExecutor();
    DataViewModel m = viewModel(deferred, SPIRAL);
    m.checkDataset();
    assertTrue(m.previewLoadingProperty().get());
    assertEquals("Reading the data…", m.previewStatusProperty().get());

    m.cancelPreview();
    deferred.runAll();

    assertFalse(m.previewLoadingProperty().get());
    assertNull(m.previewProperty().get(), "the answer of a cancelled preview is dropped");
    assertEquals(Messages.get("data.preview.cancelled"), m.previewProblemProperty().get());
    assertEquals(0, deferred.repeating.size(), "the progress refresh stops");

    m.loadPreview();
    deferred.tickAll();
    deferred.runAll();
    assertNotNull(m.previewProperty().get());
    assertEquals("", m.previewProblemProperty().get());
  }

  @Test
  void aRegressionCurveSaysHowManyTargetsItHasAndCannotBeAugmented() {
    vm.datasetProperty().set(new DatasetChoice("sine", DatasetCatalog.defaultSynthetic(SyntheticKind.SINE)));

    assertEquals("Samples (N, 1) · 1 target(s) to predict", vm.datasetInfoProperty().get());
    assertEquals(DataPreview.Kind.CURVE, vm.previewProperty().get().kind());
    assertFalse(vm.hasClassesProperty().get(), "a curve has no classes to set");
    assertFalse(vm.imageDataProperty().get());
  }

  @Test
  void textsFollowTheLanguage() {
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    vm.relocalize();
    assertTrue(vm.countsTextProperty().get().startsWith("训练 "), vm.countsTextProperty().get());
    assertEquals("每类点数", vm.samplesLabelProperty().get());
  }

  /** Writes an IDX pair of {@code count} 4 x 4 images labelled 0, 1, 2, 0, ... */
  private static void idx(Path folder, String prefix, int count) throws Exception {
    ByteBuffer images = ByteBuffer.allocate(16 + 16 * count).putInt(0x803).putInt(count).putInt(4).putInt(4);
    for (int i = 0; i < 16 * count; i++) {
      images.put((byte) (i * 13));
    }
    Files.write(folder.resolve(prefix + "-images-idx3-ubyte"), images.array());
    ByteBuffer labels = ByteBuffer.allocate(8 + count).putInt(0x801).putInt(count);
    for (int i = 0; i < count; i++) {
      labels.put((byte) (i % 3));
    }
    Files.write(folder.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
  }

  /** An executor that holds background work until the test runs it. */
  private static final class DeferredExecutor implements TaskExecutor {
    final List<Runnable> pending = new ArrayList<>();
    final List<Runnable> repeating = new ArrayList<>();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
      pending.add(
          () -> {
            T result;
            try {
              result = work.call();
            } catch (Exception e) {
              onFailure.accept(e);
              return;
            }
            onSuccess.accept(result);
          });
    }

    @Override
    public void runOnUiThread(Runnable action) {
      action.run();
    }

    @Override
    public Cancellable repeatOnUiThread(java.time.Duration period, Runnable action) {
      repeating.add(action);
      return () -> repeating.remove(action);
    }

    void runAll() {
      List<Runnable> now = List.copyOf(pending);
      pending.clear();
      now.forEach(Runnable::run);
    }

    void tickAll() {
      List.copyOf(repeating).forEach(Runnable::run);
    }
  }
}
