package org.layerlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Problem;
import org.layerlab.model.edit.ChangeSettingEdit;
import org.layerlab.model.edit.ConnectPortsEdit;
import org.layerlab.model.edit.RenameLayerEdit;
import org.layerlab.model.export.ExportException;
import org.layerlab.model.export.ExportTarget;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;

/**
 * What model-builder refuses (an edit, a typed setting, a project file, an export) reads in the window's language through {@link
 * Localized}, while {@link Throwable#getMessage()} stays the English the command line and the project files use. The expectations
 * are the bundle's patterns filled in, so a change of wording in a bundle changes both sides.
 */
class LocalizedRefusalsTest {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final ModelMessages EN_TEXT = ModelMessages.english();
  private static final ModelMessages ZH_TEXT = ModelMessages.of(ZH);
  private static final ModelSpec MODEL = ModelSpec.of(input(4), dense("dense1", 8), dense("dense2", 3));

  /** Asserts the English message is {@code key}'s English pattern, the Chinese one its Chinese pattern, and the two differ. */
  private static void assertSaid(Localized refusal, String english, String key, Object... args) {
    assertEquals(EN_TEXT.get(key, args), english);
    assertEquals(ZH_TEXT.get(key, args), refusal.message(ZH));
    assertNotEquals(english, refusal.message(ZH));
  }

  @Test
  void aRenameToATakenNameIsRefusedInBothLanguages() {
    LocalizedArgumentException e =
        assertThrows(LocalizedArgumentException.class, () -> new RenameLayerEdit("dense2", "dense1").execute(MODEL));

    // the suggestion is the first free name of the same stem
    assertSaid(e, e.getMessage(), "edit.nameTaken", "dense1", "dense3");
    assertEquals(e.message(ZH), LocalText.describe(new IllegalStateException("wrapped", e), ZH), "the cause chain speaks for it");
  }

  @Test
  void editsOfAMissingLayerOrPortAreRefusedInBothLanguages() {
    LocalizedArgumentException missing =
        assertThrows(LocalizedArgumentException.class, () -> new ChangeSettingEdit("gone", "units", 4).execute(MODEL));
    assertSaid(missing, missing.getMessage(), "edit.noLayer", "gone");

    LocalizedArgumentException port =
        assertThrows(LocalizedArgumentException.class, () -> new ConnectPortsEdit("input", "dense2", 5).execute(MODEL));
    assertSaid(port, port.getMessage(), "edit.connect.port", "dense2", "1", "6");
  }

  @Test
  void aTypedSettingThatIsNoNumberIsRefusedInBothLanguages() {
    Setting units = LayerType.DENSE.setting("units");

    LocalizedArgumentException text = assertThrows(LocalizedArgumentException.class, () -> units.normalize("lots"));
    assertSaid(text, text.getMessage(), "setting.notWhole", "units", "lots");

    Setting shape = LayerType.INPUT.setting("shape");
    LocalizedArgumentException list = assertThrows(LocalizedArgumentException.class, () -> shape.normalize("1, two"));
    assertSaid(list, list.getMessage(), "setting.listText", "shape", "1, two");
  }

  @Test
  void aWholeNumberBeyondIntegersNamesTheRangeInTheSameLanguage() {
    Setting units = LayerType.DENSE.setting("units");
    double huge = 1e12;

    LocalizedArgumentException e = assertThrows(LocalizedArgumentException.class, () -> units.normalize(huge));

    String min = String.valueOf((long) units.min());
    String max = String.valueOf((long) units.max());
    assertEquals(EN_TEXT.get("setting.outOfRange", "units", EN_TEXT.get("setting.range.whole", min, max), String.valueOf(huge)), e.getMessage());
    assertEquals(ZH_TEXT.get("setting.outOfRange", "units", ZH_TEXT.get("setting.range.whole", min, max), String.valueOf(huge)), e.message(ZH));
  }

  @Test
  void aSettingOfAnotherLayerTypeIsRefusedInBothLanguages() {
    LocalizedArgumentException e = assertThrows(LocalizedArgumentException.class, () -> LayerType.DENSE.setting("kernel"));

    assertSaid(e, e.getMessage(), "layer.noSetting.has", LayerType.DENSE.jsonName(), "kernel", String.join(", ", LayerType.DENSE.settingNames()));
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SOURCE = Path.of("refused.json");

  private static ProjectFileException parseEdited(Consumer<ObjectNode> edit) throws Exception {
    Project project =
        new Project(
            "Spiral", "", MODEL, new DatasetRef.Spiral(3, 100, 0.25, 7), new TrainingSettings(OptimizerKind.SGD, 0.05, 0.8, 16, 3, 1234, 0.25));
    ObjectNode root = (ObjectNode) JSON.readTree(ProjectFiles.toJson(project));
    edit.accept(root);
    String json = JSON.writeValueAsString(root);
    return assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, SOURCE));
  }

  private static ObjectNode layer(ObjectNode root, int index) {
    return (ObjectNode) root.get("model").get("layers").get(index);
  }

  /** The whole message: the file, the place in it (a JSON path, the same in every language) and the problem. */
  private static void assertProjectProblem(ProjectFileException e, String location, String key, Object... args) {
    assertEquals(location, e.location());
    assertEquals(SOURCE + ": " + location + ": " + EN_TEXT.get(key, args), e.getMessage());
    assertEquals(SOURCE + ": " + location + ": " + ZH_TEXT.get(key, args), e.message(ZH));
  }

  @Test
  void anUnknownLayerTypeInAProjectFileIsSaidInBothLanguages() throws Exception {
    ProjectFileException e = parseEdited(root -> layer(root, 1).put("type", "Dens"));

    assertProjectProblem(e, "model.layers[1].type", "projectFile.layer.unknownType", "Dens", String.valueOf(LayerType.jsonNames()));
  }

  @Test
  void aFieldOfTheWrongTypeOrMissingIsSaidInBothLanguages() throws Exception {
    ProjectFileException wrong = parseEdited(root -> ((ObjectNode) root.get("training")).put("epochs", "ten"));
    assertProjectProblem(wrong, "training.epochs", "projectFile.notWhole", "\"ten\"");

    ProjectFileException missing = parseEdited(root -> root.remove("name"));
    assertProjectProblem(missing, "name", "projectFile.missing.text", "name");
  }

  @Test
  void aNewerVersionAsksForAnUpdateInBothLanguages() throws Exception {
    int newer = ProjectFiles.CURRENT_VERSION + 1;
    ProjectFileException e = parseEdited(root -> root.put("version", newer));

    assertProjectProblem(
        e,
        "version",
        "projectFile.version.newer",
        String.valueOf(newer),
        String.valueOf(ProjectFiles.OLDEST_VERSION),
        String.valueOf(ProjectFiles.CURRENT_VERSION));
  }

  @Test
  void aBadSettingValueInAProjectFileIsTheSettingsOwnRefusal() throws Exception {
    ProjectFileException typed = parseEdited(root -> ((ObjectNode) layer(root, 1).get("settings")).put("units", "many"));
    assertProjectProblem(typed, "model.layers[1].settings.units", "setting.notWhole", "units", "many");

    ProjectFileException range = parseEdited(root -> ((ObjectNode) root.get("training")).put("batchSize", 0));
    assertProjectProblem(range, "training.batchSize", "settings.batchSize", "0");
  }

  @Test
  void brokenJsonNamesTheLineInTheWindowsLanguage() {
    ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse("{\n  \"name\": oops\n}\n", SOURCE));

    assertEquals("line 2", e.location());
    String english = e.getMessage();
    String chinese = e.message(ZH);
    // the file, then the line as the language says it, then the parser's own (English) words
    assertTrue(english.startsWith(SOURCE + ": " + EN_TEXT.get("projectFile.line", "2") + ": "), english);
    assertTrue(chinese.startsWith(SOURCE + ": " + ZH_TEXT.get("projectFile.line", "2") + ": "), chinese);
    assertNotEquals(english, chinese);
  }

  @Test
  void anExportRefusalSaysItsHeadlineAndProblemsInTheWindowsLanguage() {
    ModelSpec broken = ModelSpec.of(input(784), conv("conv1", 8, 3));

    ExportException e = assertThrows(ExportException.class, () -> ExportTarget.PYTORCH.exporter().export(broken, "Broken"));

    List<Problem> chinese = ModelAnalyzer.analyze(broken, ZH).problems().stream().filter(p -> p.layerId() != null).toList();
    assertEquals(chinese, e.problems(ZH));
    assertNotEquals(e.problems(), e.problems(ZH));
    assertEquals(ZH_TEXT.get("export.problems"), e.headline(ZH));
    assertEquals(ZH_TEXT.get("export.problems") + ": " + chinese, e.message(ZH));
    assertEquals(EN_TEXT.get("export.problems") + ": " + e.problems(), e.getMessage(), "the English message is unchanged");
  }

  @Test
  void aModelWithTwoOutputsIsRefusedInBothLanguages() {
    ModelSpec two = ModelSpec.of(input(4), dense("a", 2), dense("b", 2).withInputs("input"));

    ExportException e = assertThrows(ExportException.class, () -> ExportTarget.KERAS.exporter().export(two, "Two"));

    assertEquals(ZH_TEXT.get("export.oneOutput"), e.headline(ZH));
    assertNotEquals(e.headline(Locale.ENGLISH), e.headline(ZH));
    assertEquals(ModelAnalyzer.analyze(two, ZH).problems(), e.problems(ZH));
  }
}
