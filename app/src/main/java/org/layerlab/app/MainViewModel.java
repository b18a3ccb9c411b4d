package org.layerlab.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import org.layerlab.app.check.CheckViewModel;
import org.layerlab.app.data.DataViewModel;
import org.layerlab.app.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import org.layerlab.app.model.ModelEditorViewModel;
import org.layerlab.app.model.inspect.CodeExportViewModel;
import org.layerlab.app.model.inspect.LayerEdits;
import org.layerlab.app.model.inspect.LayerPropertySheetViewModel;
import org.layerlab.app.model.inspect.ModelSummaryViewModel;
import org.layerlab.model.edit.ChangeSettingEdit;
import org.layerlab.app.runs.RunsViewModel;
import org.layerlab.app.setup.TrainingSetupViewModel;
import org.layerlab.app.training.TrainingViewModel;
import org.layerlab.model.project.Project;
import org.layerlab.runtime.preview.DataPreviews;

/**
 * The window's state: the page view models and how they talk. The dataset's signature flows from the data page to the model
 * editor (so a model that does not fit the data shows it on its cards), the model flows to training, and every run start and end
 * refreshes the runs table.
 */
public final class MainViewModel {

  private final OpenedProject opened;
  private final ModelEditorViewModel modelEditor;
  private final DataViewModel data;
  private final TrainingSetupViewModel setup;
  private final TrainingViewModel training;
  private final LayerPropertySheetViewModel layerSheet;
  private final ModelSummaryViewModel summary;
  private final CodeExportViewModel code;
  private final RunsViewModel runs;
  private final CheckViewModel check;

  public MainViewModel(AppContext context) {
    this.opened = context.opened();
    Project project = opened.project();
    modelEditor = new ModelEditorViewModel(project.model(), project.layout());
    data =
        new DataViewModel(
            opened.directory(),
            context.datasets(),
            context.signatures(),
            DataPreviews::load,
            context.executor(),
            project.training().validationFraction());
    setup = new TrainingSetupViewModel(project.training());
    // The data page chooses the validation share next to the test share; the settings carry it.
    setup.validationFractionProperty().bindBidirectional(data.validationFractionProperty());
    // The schedule preview counts steps once the data page knows how many samples there are before the validation split.
    data.splitCountsProperty().addListener((obs, old, counts) -> setup.trainingSamplesProperty().set(samplesBeforeValidation(counts)));
    setup.trainingSamplesProperty().set(samplesBeforeValidation(data.splitCountsProperty().get()));
    training =
        new TrainingViewModel(
            project, data, setup, modelEditor.modelProperty(), modelEditor.validProperty(), context.jobs(), context.executor());
    runs = new RunsViewModel(context.runStore(), context.executor());
    ObservableValue<String> selectedLayer =
        Bindings.createStringBinding(
            () -> modelEditor.selectedLayerProperty().get() == null ? null : modelEditor.selectedLayerProperty().get().id(),
            modelEditor.selectedLayerProperty());
    layerSheet =
        new LayerPropertySheetViewModel(
            modelEditor.modelProperty(),
            selectedLayer,
            new LayerEdits() {
              @Override
              public void rename(String layerId, String newName) {
                modelEditor.renameLayer(layerId, newName);
              }

              @Override
              public void changeSetting(String layerId, String key, Object value) {
                modelEditor.execute(new ChangeSettingEdit(layerId, key, value), Messages.get("inspect.step.setting", layerId, key));
              }
            });
    summary = new ModelSummaryViewModel(modelEditor.modelProperty(), data.dataSignatureProperty());
    code = new CodeExportViewModel(modelEditor.modelProperty(), new SimpleStringProperty(project.name()));
    check = new CheckViewModel(training::projectToTrain, opened.directory(), context.executor());

    data.dataSignatureProperty().addListener((obs, old, signature) -> modelEditor.setDataSignature(signature));
    training.runStartedProperty().addListener((obs, old, started) -> {
      if (started != null) {
        runs.refresh();
      }
    });
    training.lastRunProperty().addListener((obs, old, ended) -> {
      if (ended != null) {
        runs.refresh();
      }
    });
  }

  private static int samplesBeforeValidation(org.layerlab.runtime.preview.SplitCounts counts) {
    return counts == null
        ? 0
        : java.util.Arrays.stream(counts.train()).sum() + java.util.Arrays.stream(counts.validation()).sum();
  }

  /** Checks the dataset and reads the runs, both in the background. Call once the window shows. */
  public void start() {
    data.checkDataset();
    runs.refresh();
  }

  /** Stops a running run; for closing the window. */
  public void shutdown() {
    training.shutdown();
  }

  public ModelEditorViewModel modelEditor() {
    return modelEditor;
  }

  /** The data page: the dataset a run trains on. */
  public DataViewModel data() {
    return data;
  }

  /** The training page: the settings a run trains with. */
  public TrainingSetupViewModel setup() {
    return setup;
  }

  /** The model page's property sheet of the selected layer. */
  public LayerPropertySheetViewModel layerSheet() {
    return layerSheet;
  }

  /** The model page's Keras-style summary. */
  public ModelSummaryViewModel summary() {
    return summary;
  }

  /** The model page's code export. */
  public CodeExportViewModel code() {
    return code;
  }

  public TrainingViewModel training() {
    return training;
  }

  /** "Check before training" on the project a run would train now; the data page shows it, other pages may too. */
  public CheckViewModel check() {
    return check;
  }

  public RunsViewModel runs() {
    return runs;
  }

  /** The project's name; a sample's in the window's language when the bundle translates it. */
  public String projectName() {
    return sampleText("name", opened.project().name());
  }

  public String projectDescription() {
    return sampleText("description", opened.project().description());
  }

  /**
   * A sample project's text in the window's language. Sample files are English; the bundle has the English text and its translation
   * under the sample folder's name, and the translation is used only while the project still has the sample's own English name, so a
   * user's project in a folder of the same name keeps its own words.
   */
  private String sampleText(String field, String own) {
    ResourceBundle english = Messages.bundle(Locale.ENGLISH);
    Path dir = opened.directory().getFileName();
    String key = dir == null ? null : "sample." + dir + ".";
    if (key == null || !english.containsKey(key + "name") || !english.getString(key + "name").equals(opened.project().name())) {
      // not in a sample's folder: the built-in spiral (when a project could not be opened) is still the sample if it has the
      // sample's English name and description both
      key = english.containsKey("sample.spiral.name")
              && english.getString("sample.spiral.name").equals(opened.project().name())
              && english.getString("sample.spiral.description").equals(opened.project().description())
          ? "sample.spiral."
          : null;
    }
    return key == null ? own : Messages.getOrDefault(key + field, own);
  }

  /** Why the asked-for project could not be opened, or an empty string. */
  public String warning() {
    return opened.warning();
  }
}
