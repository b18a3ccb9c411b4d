package org.layerlab.app.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.app.concurrent.Cancellable;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Augmentation;
import org.layerlab.model.project.DatasetRef.CifarVariant;
import org.layerlab.model.project.DatasetRef.Normalisation;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.Task;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.GeneratedClasses;
import org.layerlab.runtime.preview.CsvHead;
import org.layerlab.runtime.preview.DataPreview;
import org.layerlab.runtime.preview.DataPreviews;
import org.layerlab.runtime.preview.Progress;
import org.layerlab.runtime.preview.SplitCounts;

/**
 * The data page's state: the datasets on offer, the chosen one with its options, what it feeds the model (its signature), its
 * preview and how the splits divide it.
 *
 * <p>The chosen {@link DatasetChoice} is the whole truth about the data a run trains on and a project saves: every edit on the page
 * (a generator's settings, the CSV target, the test share, normalisation, augmentation) replaces it with a choice whose reference
 * carries the edit, so whoever listens to {@link #datasetProperty()} sees every change. The validation share belongs to the training
 * settings; it is kept here ({@link #validationFractionProperty()}) because it is chosen next to the test share, and the training page
 * applies it to the settings it trains with.
 *
 * <p>The signature and the preview are read in the background whenever the data itself changes (not for an option that only changes
 * how it is prepared); a newer read makes an older one's answer void, and a preview can be cancelled.
 */
public final class DataViewModel {

  /** How often the preview's progress is shown while it loads. */
  static final long PROGRESS_PERIOD_MILLIS = 100;

  private final Path projectDir;
  private final DataSignatureSource signatures;
  private final PreviewSource previews;
  private final TaskExecutor executor;
  private DataFileChooser chooser = DataFileChooser.cancelling();
  private final ObservableList<DatasetChoice> datasets;
  private final ObjectProperty<DatasetChoice> dataset = new SimpleObjectProperty<>(this, "dataset");
  private final ReadOnlyObjectWrapper<DataSignature> dataSignature = new ReadOnlyObjectWrapper<>(this, "dataSignature");
  private final ReadOnlyBooleanWrapper checkingDataset = new ReadOnlyBooleanWrapper(this, "checkingDataset");
  private final ReadOnlyStringWrapper datasetInfo = new ReadOnlyStringWrapper(this, "datasetInfo", "");
  private final ReadOnlyStringWrapper datasetProblem = new ReadOnlyStringWrapper(this, "datasetProblem", "");
  private long datasetCheck;

  // splits and options
  private final DoubleProperty validationFraction = new SimpleDoubleProperty(this, "validationFraction");
  private final DoubleProperty testFraction = new SimpleDoubleProperty(this, "testFraction");
  private final ObjectProperty<Normalisation> normalisation = new SimpleObjectProperty<>(this, "normalisation", Normalisation.NONE);
  private final BooleanProperty flip = new SimpleBooleanProperty(this, "flip");
  private final IntegerProperty cropPadding = new SimpleIntegerProperty(this, "cropPadding");
  private final DoubleProperty rotation = new SimpleDoubleProperty(this, "rotation");
  private final DoubleProperty shift = new SimpleDoubleProperty(this, "shift");
  private final ReadOnlyBooleanWrapper imageData = new ReadOnlyBooleanWrapper(this, "imageData");
  private final ReadOnlyBooleanWrapper testFractionApplies = new ReadOnlyBooleanWrapper(this, "testFractionApplies", true);
  private final ReadOnlyObjectWrapper<SplitCounts> splitCounts = new ReadOnlyObjectWrapper<>(this, "splitCounts");
  private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper(this, "countsText", "");
  private final ReadOnlyStringWrapper optionsProblem = new ReadOnlyStringWrapper(this, "optionsProblem", "");

  // the generators' settings
  private final ReadOnlyBooleanWrapper generated = new ReadOnlyBooleanWrapper(this, "generated");
  private final ReadOnlyBooleanWrapper hasClasses = new ReadOnlyBooleanWrapper(this, "hasClasses");
  private final ReadOnlyBooleanWrapper hasLength = new ReadOnlyBooleanWrapper(this, "hasLength");
  private final ReadOnlyStringWrapper samplesLabel = new ReadOnlyStringWrapper(this, "samplesLabel", "");
  private final StringProperty samplesText = new SimpleStringProperty(this, "samplesText", "");
  private final StringProperty classesText = new SimpleStringProperty(this, "classesText", "");
  private final StringProperty noiseText = new SimpleStringProperty(this, "noiseText", "");
  private final StringProperty lengthText = new SimpleStringProperty(this, "lengthText", "");
  private final StringProperty seedText = new SimpleStringProperty(this, "seedText", "");
  private final ReadOnlyStringWrapper parameterProblem = new ReadOnlyStringWrapper(this, "parameterProblem", "");

  // imported data
  private final ReadOnlyBooleanWrapper csv = new ReadOnlyBooleanWrapper(this, "csv");
  private final ObservableList<String> csvColumns = FXCollections.observableArrayList();
  private final ObjectProperty<String> csvTarget = new SimpleObjectProperty<>(this, "csvTarget");
  private final ObjectProperty<Task> csvTask = new SimpleObjectProperty<>(this, "csvTask", Task.CLASSIFICATION);
  private CsvHead csvHead;
  private Path csvHeadFile;
  private final ReadOnlyBooleanWrapper imageFolder = new ReadOnlyBooleanWrapper(this, "imageFolder");
  private final StringProperty imageSizeText = new SimpleStringProperty(this, "imageSizeText", "");
  private final BooleanProperty grey = new SimpleBooleanProperty(this, "grey");
  private final ReadOnlyBooleanWrapper cifar = new ReadOnlyBooleanWrapper(this, "cifar");
  private final ObjectProperty<CifarVariant> cifarVariant = new SimpleObjectProperty<>(this, "cifarVariant");
  private final ReadOnlyStringWrapper importProblem = new ReadOnlyStringWrapper(this, "importProblem", "");

  // the preview
  private final ReadOnlyObjectWrapper<DataPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
  private final ReadOnlyBooleanWrapper previewLoading = new ReadOnlyBooleanWrapper(this, "previewLoading");
  private final ReadOnlyDoubleWrapper previewProgress = new ReadOnlyDoubleWrapper(this, "previewProgress", -1);
  private final ReadOnlyStringWrapper previewStatus = new ReadOnlyStringWrapper(this, "previewStatus", "");
  private final ReadOnlyStringWrapper previewProblem = new ReadOnlyStringWrapper(this, "previewProblem", "");
  private Progress previewRun;
  private long previewId;
  // What the runtime answered, kept so that a language switch can say it again: the errors and the preview as read (English class
  // names), of which the page shows the window's language.
  private Throwable datasetError;
  private Throwable previewError;
  private DataPreview previewRead;
  private DatasetRef previewRef;
  private Cancellable previewRefresh;
  private DatasetRef checkedSource;

  /** True while the page's fields are filled from the chosen dataset: what they change then is not written back. */
  private boolean syncing;

  /** True while an edit replaces the chosen dataset: the fields already hold what it says. */
  private boolean writingBack;

  /**
   * A data page that previews with the runtime and starts from the default validation share.
   *
   * @param projectDir the folder relative dataset paths start from
   * @param catalog the datasets to offer, and the one chosen first
   */
  public DataViewModel(Path projectDir, DatasetCatalog catalog, DataSignatureSource signatures, TaskExecutor executor) {
    this(projectDir, catalog, signatures, DataPreviews::load, executor, TrainingSettings.defaults().validationFraction());
  }

  /**
   * @param projectDir the folder relative dataset paths start from
   * @param catalog the datasets to offer, and the one chosen first
   * @param validationFraction the opened project's validation share
   */
  public DataViewModel(
      Path projectDir,
      DatasetCatalog catalog,
      DataSignatureSource signatures,
      PreviewSource previews,
      TaskExecutor executor,
      double validationFraction) {
    this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.previews = Objects.requireNonNull(previews, "previews");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.datasets = FXCollections.observableArrayList(catalog.choices());
    this.validationFraction.set(validationFraction);
    dataset.set(catalog.initial());
    readFields(catalog.initial().ref());
    checkedSource = source(catalog.initial().ref());
    dataset.addListener((obs, old, now) -> datasetChanged(old, now));
    dataSignature.addListener((obs, old, now) -> updateImageData());
    preview.addListener((obs, old, now) -> updateImageData());

    // Change listeners, not invalidation listeners: the fields are set while syncing without being read, and an invalid property
    // tells invalidation listeners nothing more until someone reads it.
    this.validationFraction.addListener((obs, old, now) -> updateCounts());
    testFraction.addListener((obs, old, now) -> writeOptions());
    normalisation.addListener((obs, old, now) -> writeOptions());
    flip.addListener((obs, old, now) -> writeOptions());
    cropPadding.addListener((obs, old, now) -> writeOptions());
    rotation.addListener((obs, old, now) -> writeOptions());
    shift.addListener((obs, old, now) -> writeOptions());
    for (StringProperty p : List.of(samplesText, classesText, noiseText, lengthText, seedText)) {
      p.addListener((obs, old, now) -> writeParameters());
    }
    csvTarget.addListener((obs, old, now) -> writeCsv());
    csvTask.addListener((obs, old, now) -> writeCsv());
    imageSizeText.addListener((obs, old, now) -> writeImageFolder());
    grey.addListener((obs, old, now) -> writeImageFolder());
    cifarVariant.addListener((obs, old, now) -> writeCifar());
  }

  // ---- the dataset ----------------------------------------------------------------------------------------------------------------

  /** The datasets on offer; a dataset the user imports is added here. */
  public ObservableList<DatasetChoice> datasets() {
    return datasets;
  }

  /** The selected dataset with its options; choosing another checks and previews it in the background. */
  public ObjectProperty<DatasetChoice> datasetProperty() {
    return dataset;
  }

  /** The selected dataset's reference, with every option the page sets. */
  public DatasetRef ref() {
    return dataset.get().ref();
  }

  /** The folder relative dataset paths start from. */
  public Path projectDir() {
    return projectDir;
  }

  /** The selected dataset's sample shape and classes, or {@code null} while unknown or unreadable. */
  public ReadOnlyObjectProperty<DataSignature> dataSignatureProperty() {
    return dataSignature.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty checkingDatasetProperty() {
    return checkingDataset.getReadOnlyProperty();
  }

  /** What the dataset feeds the model, such as "Samples (N, 2) · 3 classes". */
  public ReadOnlyStringProperty datasetInfoProperty() {
    return datasetInfo.getReadOnlyProperty();
  }

  /** Why the dataset cannot be used, or an empty string. */
  public ReadOnlyStringProperty datasetProblemProperty() {
    return datasetProblem.getReadOnlyProperty();
  }

  /** Where imports ask for files; the view gives the window's choosers, tests their own. */
  public void useFileChooser(DataFileChooser value) {
    chooser = Objects.requireNonNull(value, "chooser");
  }

  /** Reads the selected dataset's signature and preview in the background; a newer read makes an older one's answer void. */
  public void checkDataset() {
    DatasetChoice choice = dataset.get();
    long check = ++datasetCheck;
    checkedSource = source(choice.ref());
    dataSignature.set(null);
    datasetError = null;
    datasetProblem.set("");
    datasetInfo.set(Messages.get("dataset.checking"));
    checkingDataset.set(true);
    executor.execute(
        () -> signatures.signature(choice.ref(), projectDir),
        signature -> {
          if (check == datasetCheck) {
            datasetInfo.set(info(signature));
            checkingDataset.set(false);
            dataSignature.set(signature);
          }
        },
        error -> {
          if (check == datasetCheck) {
            datasetInfo.set("");
            datasetError = error;
            datasetProblem.set(message(error));
            checkingDataset.set(false);
          }
        });
    loadPreview();
  }

  private void datasetChanged(DatasetChoice old, DatasetChoice now) {
    if (now == null) {
      dataset.set(old); // a list that lost its selection; the page always has a dataset
      return;
    }
    if (!writingBack) {
      readFields(now.ref());
    }
    if (!source(now.ref()).equals(checkedSource)) {
      checkDataset();
    } else {
      updateCounts();
    }
  }

  /** The dataset without its options: what is read, not how it is prepared. */
  private static DatasetRef source(DatasetRef ref) {
    return ref.withOptions(Options.NONE);
  }

  /** Replaces the chosen dataset (and its entry in the list) with one that reads {@code next}. */
  private void replaceRef(DatasetRef next) {
    DatasetChoice old = dataset.get();
    if (old.ref().equals(next)) {
      return;
    }
    DatasetChoice replacement = new DatasetChoice(DatasetCatalog.label(next), next);
    writingBack = true;
    try {
      dataset.set(replacement);
      for (int i = 0; i < datasets.size(); i++) {
        if (datasets.get(i) == old) {
          datasets.set(i, replacement);
          break;
        }
      }
    } finally {
      writingBack = false;
    }
  }

  /** Adds an imported dataset to the list and chooses it. */
  private void addAndChoose(DatasetRef ref) {
    DatasetChoice choice = new DatasetChoice(DatasetCatalog.label(ref), ref);
    datasets.add(choice);
    dataset.set(choice);
  }

  // ---- splits and options ---------------------------------------------------------------------------------------------------------

  /** The share of the training samples held out for validation; the training page trains with it. */
  public DoubleProperty validationFractionProperty() {
    return validationFraction;
  }

  /** The share held out as a test set, for data without a test set of its own ({@link Options#testFraction()}). */
  public DoubleProperty testFractionProperty() {
    return testFraction;
  }

  /** Whether the test share applies: false when the dataset has its own test set. */
  public ReadOnlyBooleanProperty testFractionAppliesProperty() {
    return testFractionApplies.getReadOnlyProperty();
  }

  public ObjectProperty<Normalisation> normalisationProperty() {
    return normalisation;
  }

  public List<Normalisation> normalisations() {
    return List.of(Normalisation.values());
  }

  /** What the normalisation list shows, such as "Standardise (mean 0, std 1)". */
  public String normalisationLabel(Normalisation n) {
    return n == null ? "" : Messages.get("data.normalisation." + n.name());
  }

  public BooleanProperty flipProperty() {
    return flip;
  }

  public IntegerProperty cropPaddingProperty() {
    return cropPadding;
  }

  /** The largest rotation in degrees, 0 for none. */
  public DoubleProperty rotationProperty() {
    return rotation;
  }

  /** The largest shift as a share of the image size, 0 for none. */
  public DoubleProperty shiftProperty() {
    return shift;
  }

  /** Whether the samples are images (channels, height, width), the only ones augmentation can change. */
  public ReadOnlyBooleanProperty imageDataProperty() {
    return imageData.getReadOnlyProperty();
  }

  /** Samples per class in each split, or {@code null} until the preview is read. */
  public ReadOnlyObjectProperty<SplitCounts> splitCountsProperty() {
    return splitCounts.getReadOnlyProperty();
  }

  /** Such as "Training 648 · validation 162 · test 90". */
  public ReadOnlyStringProperty countsTextProperty() {
    return countsText.getReadOnlyProperty();
  }

  /** Why an option cannot be used, or an empty string. */
  public ReadOnlyStringProperty optionsProblemProperty() {
    return optionsProblem.getReadOnlyProperty();
  }

  private void writeOptions() {
    if (syncing) {
      return;
    }
    // the controls are only enabled for images, and other data never carries augmentation to start from
    Augmentation augmentation = new Augmentation(flip.get(), cropPadding.get(), rotation.get(), shift.get());
    java.util.Map<String, String> augmentationProblems = augmentation.fieldProblems(Messages.locale());
    if (!augmentationProblems.isEmpty()) {
      optionsProblem.set(String.join("; ", augmentationProblems.values()));
      return;
    }
    optionsProblem.set("");
    replaceRef(ref().withOptions(new Options(testFraction.get(), normalisation.get(), augmentation)));
    updateCounts();
  }

  private void updateImageData() {
    DataSignature s = dataSignature.get();
    DataPreview p = preview.get();
    boolean images = (s != null && s.sampleShape().rank() == 3) || (p != null && p.kind() == DataPreview.Kind.IMAGES);
    imageData.set(images);
  }

  private void updateCounts() {
    DataPreview p = preview.get();
    testFractionApplies.set(p == null || !p.hasOwnTestSet());
    if (p == null) {
      splitCounts.set(null);
      countsText.set("");
      return;
    }
    SplitCounts counts = p.split(testFraction.get(), validationFraction.get());
    splitCounts.set(counts);
    countsText.set(countsText(counts));
  }

  private static String countsText(SplitCounts c) {
    return Messages.get(
        c.ownTestSet() ? "data.counts.ownTest" : "data.counts",
        Messages.integer(c.trainTotal()),
        Messages.integer(c.validationTotal()),
        Messages.integer(c.testTotal()));
  }

  // ---- the generators' settings ---------------------------------------------------------------------------------------------------

  /** Whether the chosen dataset is generated, so its settings can be edited. */
  public ReadOnlyBooleanProperty generatedProperty() {
    return generated.getReadOnlyProperty();
  }

  /** Whether the generated set has classes to choose (the regression curves have none). */
  public ReadOnlyBooleanProperty hasClassesProperty() {
    return hasClasses.getReadOnlyProperty();
  }

  /** Whether the generated set has a sequence length. */
  public ReadOnlyBooleanProperty hasLengthProperty() {
    return hasLength.getReadOnlyProperty();
  }

  /** "Samples", or "Points per class" for the spiral. */
  public ReadOnlyStringProperty samplesLabelProperty() {
    return samplesLabel.getReadOnlyProperty();
  }

  public StringProperty samplesTextProperty() {
    return samplesText;
  }

  public StringProperty classesTextProperty() {
    return classesText;
  }

  public StringProperty noiseTextProperty() {
    return noiseText;
  }

  public StringProperty lengthTextProperty() {
    return lengthText;
  }

  public StringProperty seedTextProperty() {
    return seedText;
  }

  /** Why a generator's setting cannot be used, or an empty string. */
  public ReadOnlyStringProperty parameterProblemProperty() {
    return parameterProblem.getReadOnlyProperty();
  }

  private void writeParameters() {
    if (syncing) {
      return;
    }
    DatasetRef ref = ref();
    try {
      if (ref instanceof DatasetRef.Spiral s) {
        replaceRef(
            new DatasetRef.Spiral(
                whole(classesText, "data.param.classes", 2, 10),
                whole(samplesText, "data.param.pointsPerClass", 2, 100_000),
                number(noiseText, "data.param.noise", 0, 5),
                seed(),
                s.options()));
      } else if (ref instanceof DatasetRef.Synthetic s) {
        boolean classification = s.kind().task() == Task.CLASSIFICATION;
        int classes = classification ? whole(classesText, "data.param.classes", s.kind().minClasses(), s.kind().maxClasses()) : 0;
        int samples = whole(samplesText, "data.param.samples", Math.max(4, 2 * classes), 100_000);
        double noise = number(noiseText, "data.param.noise", 0, 5);
        int length = s.kind() == DatasetRef.SyntheticKind.SEQUENCE ? whole(lengthText, "data.param.length", 4, 1000) : 0;
        replaceRef(new DatasetRef.Synthetic(s.kind(), samples, classes, noise, length, seed(), s.options()));
      }
      parameterProblem.set("");
    } catch (IllegalArgumentException e) {
      parameterProblem.set(Messages.describe(e));
    }
  }

  private long seed() {
    try {
      return Long.parseLong(seedText.get().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(Messages.get("data.param.badSeed", Messages.get("data.param.seed")), e);
    }
  }

  private static int whole(StringProperty text, String nameKey, int min, int max) {
    try {
      int v = Integer.parseInt(text.get().strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // the same message as a number out of range
    }
    throw new IllegalArgumentException(
        Messages.get("data.param.badWhole", Messages.get(nameKey), Integer.toString(min), Integer.toString(max)));
  }

  private static double number(StringProperty text, String nameKey, double min, double max) {
    try {
      double v = Double.parseDouble(text.get().strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // the same message as a number out of range
    }
    throw new IllegalArgumentException(Messages.get("data.param.badNumber", Messages.get(nameKey), plain(min), plain(max)));
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  // ---- imported data --------------------------------------------------------------------------------------------------------------

  /** Whether the chosen dataset is a CSV table. */
  public ReadOnlyBooleanProperty csvProperty() {
    return csv.getReadOnlyProperty();
  }

  /** The chosen CSV file's columns, for the target column list. */
  public ObservableList<String> csvColumns() {
    return csvColumns;
  }

  /** The column the model predicts. */
  public ObjectProperty<String> csvTargetProperty() {
    return csvTarget;
  }

  public ObjectProperty<Task> csvTaskProperty() {
    return csvTask;
  }

  public String taskLabel(Task task) {
    return task == null ? "" : Messages.get("data.task." + task.name());
  }

  /** Whether the chosen dataset is a folder of images. */
  public ReadOnlyBooleanProperty imageFolderProperty() {
    return imageFolder.getReadOnlyProperty();
  }

  /** The width and height every image is resized to, 0 to keep their size. */
  public StringProperty imageSizeTextProperty() {
    return imageSizeText;
  }

  /** Whether folder images are read in grey rather than colour. */
  public BooleanProperty greyProperty() {
    return grey;
  }

  /** Whether the chosen dataset is CIFAR. */
  public ReadOnlyBooleanProperty cifarProperty() {
    return cifar.getReadOnlyProperty();
  }

  public ObjectProperty<CifarVariant> cifarVariantProperty() {
    return cifarVariant;
  }

  public String cifarVariantLabel(CifarVariant v) {
    return v == null ? "" : Messages.get("data.cifar." + v.name());
  }

  /** Why the last import failed, or an empty string. */
  public ReadOnlyStringProperty importProblemProperty() {
    return importProblem.getReadOnlyProperty();
  }

  /**
   * Asks for a file or folder of {@code kind} and, unless the user cancels, adds it to the list and chooses it. A CSV file's first
   * lines are read in the background to find its delimiter and columns; the last column becomes the target.
   */
  public void importData(DataFileChooser.Kind kind) {
    Optional<Path> chosen = chooser.choose(kind);
    if (chosen.isEmpty()) {
      return;
    }
    importProblem.set("");
    Path picked = chosen.get().toAbsolutePath().normalize();
    // a file picked where a folder is wanted (an IDX file, a CIFAR batch) stands for its folder
    Path target = kind.isFolder() && Files.isRegularFile(picked) ? picked.getParent() : picked;
    String path = pathForProject(target);
    String name = target.getFileName() == null ? target.toString() : target.getFileName().toString();
    switch (kind) {
      case IDX -> addAndChoose(new DatasetRef.Idx(name, path, null, false, List.of(), Options.NONE));
      case CIFAR -> {
        CifarVariant variant = Files.isRegularFile(target.resolve("train.bin")) ? CifarVariant.CIFAR_100 : CifarVariant.CIFAR_10;
        addAndChoose(new DatasetRef.Cifar(name, path, variant, Options.NONE));
      }
      case IMAGE_FOLDER -> addAndChoose(new DatasetRef.ImageFolder(name, path, 32, 32, 3, Options.NONE));
      case CSV -> {
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        executor.execute(
            () -> CsvHead.read(target, CsvHead.detectDelimiter(target), DataPreviews.MAX_ROWS),
            head -> {
              if (head.columns().size() < 2) {
                importProblem.set(Messages.get("data.import.csvColumns", target.toString()));
                return;
              }
              csvHead = head;
              csvHeadFile = target;
              String targetColumn = head.columns().get(head.columns().size() - 1);
              Task task = guessTask(head, targetColumn);
              addAndChoose(
                  new DatasetRef.Csv(
                      stem, path, List.of(targetColumn), List.of(), categorical(head, targetColumn), task, head.delimiter(), Options.NONE));
            },
            error -> importProblem.set(message(error)));
      }
    }
  }

  /** A path inside the project folder is stored relative to it, so that the project can move; any other stays absolute. */
  private String pathForProject(Path p) {
    Path base = projectDir.toAbsolutePath().normalize();
    return p.startsWith(base) && !p.equals(base) ? base.relativize(p).toString() : p.toString();
  }

  /** Regression when the target's cells are all numbers with a fraction or more than 20 different values; else classification. */
  static Task guessTask(CsvHead head, String targetColumn) {
    int column = head.columns().indexOf(targetColumn);
    Set<String> distinct = new HashSet<>();
    boolean fractions = false;
    for (List<String> row : head.rows()) {
      if (column >= row.size()) {
        continue;
      }
      String cell = row.get(column);
      if (!isNumber(cell)) {
        return Task.CLASSIFICATION;
      }
      distinct.add(cell);
      fractions |= Double.parseDouble(cell) != Math.rint(Double.parseDouble(cell));
    }
    return !distinct.isEmpty() && (fractions || distinct.size() > 20) ? Task.REGRESSION : Task.CLASSIFICATION;
  }

  /** The feature columns whose first rows hold a cell that is not a number: categories, one-hot encoded by the reader. */
  static List<String> categorical(CsvHead head, String targetColumn) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < head.columns().size(); c++) {
      String name = head.columns().get(c);
      if (name.equals(targetColumn)) {
        continue;
      }
      for (List<String> row : head.rows()) {
        if (c < row.size() && !row.get(c).isEmpty() && !isNumber(row.get(c))) {
          out.add(name);
          break;
        }
      }
    }
    return out;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s.strip());
      return !s.isBlank();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void writeCsv() {
    if (syncing || !(ref() instanceof DatasetRef.Csv c) || csvTarget.get() == null) {
      return;
    }
    List<String> categorical = csvHead != null ? categorical(csvHead, csvTarget.get()) : c.categorical();
    List<String> features = new ArrayList<>(c.features());
    features.remove(csvTarget.get());
    replaceRef(
        new DatasetRef.Csv(
            c.name(), c.path(), List.of(csvTarget.get()), features, categorical, csvTask.get(), c.delimiter(), c.options()));
  }

  private void writeImageFolder() {
    if (syncing || !(ref() instanceof DatasetRef.ImageFolder f)) {
      return;
    }
    try {
      int size = whole(imageSizeText, "data.param.imageSize", 0, 1024);
      parameterProblem.set("");
      replaceRef(new DatasetRef.ImageFolder(f.name(), f.path(), size, size, grey.get() ? 1 : 3, f.options()));
    } catch (IllegalArgumentException e) {
      parameterProblem.set(Messages.describe(e));
    }
  }

  private void writeCifar() {
    if (syncing || !(ref() instanceof DatasetRef.Cifar c) || cifarVariant.get() == null) {
      return;
    }
    replaceRef(new DatasetRef.Cifar(c.name(), c.path(), cifarVariant.get(), c.options()));
  }

  /** Fills the page's fields from {@code ref}, without writing them back. */
  private void readFields(DatasetRef ref) {
    syncing = true;
    try {
      Options o = ref.options();
      testFraction.set(o.testFraction());
      normalisation.set(o.normalisation());
      flip.set(o.augmentation().flip());
      cropPadding.set(o.augmentation().cropPadding());
      rotation.set(o.augmentation().rotationDegrees());
      shift.set(o.augmentation().shift());
      optionsProblem.set("");
      parameterProblem.set("");
      generated.set(ref instanceof DatasetRef.Spiral || ref instanceof DatasetRef.Synthetic);
      if (ref instanceof DatasetRef.Spiral s) {
        samplesLabel.set(Messages.get("data.param.pointsPerClass"));
        samplesText.set(Integer.toString(s.pointsPerClass()));
        classesText.set(Integer.toString(s.classes()));
        noiseText.set(plain(s.noise()));
        seedText.set(Long.toString(s.seed()));
        hasClasses.set(true);
        hasLength.set(false);
      } else if (ref instanceof DatasetRef.Synthetic s) {
        samplesLabel.set(Messages.get("data.param.samples"));
        samplesText.set(Integer.toString(s.samples()));
        classesText.set(Integer.toString(s.classes()));
        noiseText.set(plain(s.noise()));
        lengthText.set(Integer.toString(s.length()));
        seedText.set(Long.toString(s.seed()));
        hasClasses.set(s.kind().task() == Task.CLASSIFICATION);
        hasLength.set(s.kind() == DatasetRef.SyntheticKind.SEQUENCE);
      } else {
        hasClasses.set(false);
        hasLength.set(false);
      }
      csv.set(ref instanceof DatasetRef.Csv);
      if (ref instanceof DatasetRef.Csv c) {
        csvTask.set(c.task());
        Path file = projectDir.resolve(c.path()).normalize();
        if (!file.equals(csvHeadFile)) {
          csvHead = null;
          csvColumns.setAll(c.targets());
          loadCsvHead(file, c.delimiter());
        } else if (csvHead != null) {
          csvColumns.setAll(csvHead.columns());
        }
        csvTarget.set(c.targets().isEmpty() ? null : c.targets().get(0));
      }
      imageFolder.set(ref instanceof DatasetRef.ImageFolder);
      if (ref instanceof DatasetRef.ImageFolder f) {
        imageSizeText.set(Integer.toString(f.width()));
        grey.set(f.channels() == 1);
      }
      cifar.set(ref instanceof DatasetRef.Cifar);
      cifarVariant.set(ref instanceof DatasetRef.Cifar c ? c.variant() : null);
    } finally {
      syncing = false;
    }
  }

  /** Reads a CSV file's columns in the background, for the target list of a CSV dataset the page did not import itself. */
  private void loadCsvHead(Path file, char delimiter) {
    csvHeadFile = file;
    executor.execute(
        () -> CsvHead.read(file, delimiter, DataPreviews.MAX_ROWS),
        head -> {
          if (file.equals(csvHeadFile)) {
            csvHead = head;
            String target = csvTarget.get();
            syncing = true;
            try {
              csvColumns.setAll(head.columns());
              csvTarget.set(target);
            } finally {
              syncing = false;
            }
          }
        },
        error -> {
          // the preview shows the reader's message
        });
  }

  // ---- the preview ----------------------------------------------------------------------------------------------------------------

  /** The chosen dataset's preview, or {@code null} while it loads or when it cannot be read. */
  public ReadOnlyObjectProperty<DataPreview> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty previewLoadingProperty() {
    return previewLoading.getReadOnlyProperty();
  }

  /** From 0 to 1 while the preview loads, -1 while unknown. */
  public ReadOnlyDoubleProperty previewProgressProperty() {
    return previewProgress.getReadOnlyProperty();
  }

  /** What the preview is doing, such as "Reading the data…". */
  public ReadOnlyStringProperty previewStatusProperty() {
    return previewStatus.getReadOnlyProperty();
  }

  /** Why there is no preview: the reader's message, or that it was cancelled; empty otherwise. */
  public ReadOnlyStringProperty previewProblemProperty() {
    return previewProblem.getReadOnlyProperty();
  }

  /** Reads the chosen dataset's preview in the background, cancelling one that is still loading. */
  public void loadPreview() {
    DatasetRef ref = ref();
    if (previewRun != null) {
      previewRun.cancel();
    }
    stopPreviewRefresh();
    Progress progress = new Progress();
    previewRun = progress;
    long id = ++previewId;
    preview.set(null);
    previewRead = null;
    previewRef = ref;
    previewError = null;
    previewProblem.set("");
    previewProgress.set(-1);
    previewStatus.set(Messages.get("data.stage.load"));
    previewLoading.set(true);
    updateCounts();
    previewRefresh =
        executor.repeatOnUiThread(
            Duration.ofMillis(PROGRESS_PERIOD_MILLIS),
            () -> {
              if (id == previewId) {
                previewProgress.set(progress.fraction());
                previewStatus.set(stageText(progress.stage()));
              }
            });
    double fraction = validationFraction.get();
    executor.execute(
        () -> previews.preview(ref, projectDir, fraction, progress),
        result -> {
          if (id == previewId) {
            endPreview();
            previewRead = result;
            preview.set(inWindowLanguage(result, ref));
            updateCounts();
          }
        },
        error -> {
          if (id == previewId) {
            endPreview();
            previewError = error instanceof CancellationException ? null : error;
            previewProblem.set(error instanceof CancellationException ? Messages.get("data.preview.cancelled") : message(error));
          }
        });
  }

  /** Stops a loading preview; its answer, when it comes, is dropped. */
  public void cancelPreview() {
    if (!previewLoading.get()) {
      return;
    }
    previewRun.cancel();
    previewId++;
    endPreview();
    previewProblem.set(Messages.get("data.preview.cancelled"));
  }

  private void endPreview() {
    stopPreviewRefresh();
    previewLoading.set(false);
    previewProgress.set(1);
    previewStatus.set("");
  }

  private void stopPreviewRefresh() {
    if (previewRefresh != null) {
      previewRefresh.cancel();
      previewRefresh = null;
    }
  }

  private static String stageText(String stage) {
    return Messages.get("summarise".equals(stage) ? "data.stage.summarise" : "data.stage.load");
  }

  // ---- language -------------------------------------------------------------------------------------------------------------------

  /** Republishes every text in the current language. */
  public void relocalize() {
    DataSignature signature = dataSignature.get();
    if (signature != null) {
      datasetInfo.set(info(signature));
    } else if (checkingDataset.get()) {
      datasetInfo.set(Messages.get("dataset.checking"));
    }
    DatasetRef ref = ref();
    samplesLabel.set(Messages.get(ref instanceof DatasetRef.Spiral ? "data.param.pointsPerClass" : "data.param.samples"));
    if (!parameterProblem.get().isEmpty()) {
      if (ref instanceof DatasetRef.ImageFolder) {
        writeImageFolder();
      } else {
        writeParameters();
      }
    }
    if (previewLoading.get()) {
      previewStatus.set(Messages.get("data.stage.load"));
    }
    if (datasetError != null) {
      datasetProblem.set(message(datasetError));
    }
    if (previewError != null) {
      previewProblem.set(message(previewError));
    }
    if (previewRead != null) {
      preview.set(inWindowLanguage(previewRead, previewRef));
    }
    if (!optionsProblem.get().isEmpty()) {
      writeOptions(); // still out of range: say so in the new language
    }
    updateCounts();
  }

  /** "Samples (N, 2) · 3 classes", or for a regression "Samples (N, 1) · 1 target(s)". */
  private String info(DataSignature signature) {
    return Messages.get(
        isRegression(ref()) ? "data.info.regression" : "dataset.info", signature.sampleShape(), signature.classes());
  }

  private static boolean isRegression(DatasetRef ref) {
    return (ref instanceof DatasetRef.Synthetic s && s.kind().task() == Task.REGRESSION)
        || (ref instanceof DatasetRef.Csv c && c.task() == Task.REGRESSION);
  }

  /** What went wrong, in the window's language when the runtime can say it there (a data file's problem), else its own message. */
  private static String message(Throwable error) {
    return Messages.describe(error);
  }

  /**
   * The preview with the class names of a generated set (spiral arms, moons, waves) in the window's language; the names of a file or
   * folder are the user's and stay as they are. The data itself keeps the English names.
   */
  private static DataPreview inWindowLanguage(DataPreview p, DatasetRef ref) {
    List<String> names = GeneratedClasses.inLanguage(ref, p.groupNames(), Messages.locale());
    if (names.equals(p.groupNames())) {
      return p;
    }
    return new DataPreview(
        p.kind(), p.signature(), names, p.regression(), p.counts(), p.ownTestCounts(), p.images(), p.table(), p.points(), p.sequences(), p.source());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "DataViewModel[%s, validation %.2f]", ref().describe(), validationFraction.get());
  }
}
