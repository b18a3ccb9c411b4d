package org.layerlab.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.ModelSummary;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.template.ModelTemplate;

class ModelCommandsTest {

  private record Result(int exit, String out, String err) {}

  private static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void templatesListsEveryTemplateByItsCommandLineName() {
    Result r = cli("templates");
    assertEquals(0, r.exit());
    for (ModelTemplate t : ModelTemplate.values()) {
      assertTrue(r.out().contains(TemplatesCommand.templateName(t)), t + " missing from:\n" + r.out());
    }
    assertTrue(r.out().contains("keras-cifar10-cnn"), r.out());
  }

  @Test
  void summaryOfATemplatePrintsItsKerasStyleTable() {
    Result r = cli("summary", "keras-cifar10-cnn");
    assertEquals(0, r.exit(), r.err());
    ModelTemplate t = ModelTemplate.KERAS_CIFAR10_CNN;
    assertEquals(ModelSummary.text(ModelAnalyzer.analyze(t.model()), t.displayName()).strip(), r.out().strip());
    // 3*3*3*32+32 + 3*3*32*64+64 + 3*3*64*64+64 + 1024*64+64 + 64*10+10, the tutorial's figure
    long expected = (27 * 32 + 32) + (288 * 64 + 64) + (576 * 64 + 64) + (1024 * 64 + 64) + (64 * 10 + 10);
    assertTrue(r.out().contains(String.format("Total params: %,d", expected)), r.out());
  }

  @Test
  void summaryOfAProjectFolderNamesTheProject() throws Exception {
    Path spiral = Path.of("..", "sample-projects", "spiral");
    Result r = cli("summary", spiral.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains(ProjectFiles.read(spiral).name()), r.out());
    assertTrue(r.out().contains("dense1 (Dense)"), r.out());
  }

  @Test
  void anUnknownNameListsTheTemplates() {
    Result r = cli("summary", "resnet-9000");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("resnet-9000") && r.err().contains("lenet5"), r.err());
  }

  @Test
  void outputIsFlushedBeforeTheLauncherExits() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    PrintWriter unflushed = new PrintWriter(new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8));
    int exit = Cli.run(unflushed, new PrintWriter(new StringWriter()), "summary", "mlp");
    assertEquals(0, exit);
    assertTrue(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).contains("Total params"), "nothing reached the stream");
  }
}
