package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.ModelSummary;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.template.ModelTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the Keras-style summary of a project's model or of a template. */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = "Print a model's layers, output shapes, parameters and multiply-accumulates, as Keras's model.summary() does.")
final class SummaryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PROJECT|TEMPLATE", description = "A project folder or file, or a template name (see: layerlab templates).")
  String target;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelSpec model;
    String name;
    ModelTemplate template = template(target);
    if (template != null) {
      model = template.model();
      name = template.displayName();
    } else if (Files.exists(Path.of(target))) {
      try {
        Project p = ProjectFiles.read(Path.of(target));
        model = p.model();
        name = p.name();
      } catch (ProjectFileException e) {
        err.println("Error: " + e.getMessage());
        return 1;
      }
    } else {
      err.println(
          "Error: '"
              + target
              + "' is neither a project folder or file nor a template. Templates: "
              + Arrays.stream(ModelTemplate.values()).map(TemplatesCommand::templateName).collect(Collectors.joining(", ")));
      return 2;
    }
    ModelAnalysis analysis = ModelAnalyzer.analyze(model);
    out.println(ModelSummary.text(analysis, name).stripTrailing());
    if (!analysis.valid()) {
      err.println("The model cannot train yet:");
      analysis.problems().forEach(p -> err.println("  " + p));
      return 1;
    }
    return 0;
  }

  private static ModelTemplate template(String name) {
    for (ModelTemplate t : ModelTemplate.values()) {
      if (TemplatesCommand.templateName(t).equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }
}
