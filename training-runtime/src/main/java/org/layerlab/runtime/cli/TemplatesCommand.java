package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.template.ModelTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the model templates by the names {@code summary} takes. */
@Command(name = "templates", mixinStandardHelpOptions = true, description = "List the model templates: name, input, parameters.")
final class TemplatesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-24s  %-16s  %12s  %s%n", "NAME", "INPUT", "PARAMETERS", "DESCRIPTION");
    for (ModelTemplate t : ModelTemplate.values()) {
      long params = ModelAnalyzer.analyze(t.model()).totalParameters();
      out.printf(
          Locale.ROOT,
          "%-24s  %-16s  %,12d  %s%n",
          templateName(t),
          t.data().sampleShape(),
          params,
          t.displayName());
    }
    out.println("Show one with: ./layerlab summary NAME");
    return 0;
  }

  /** The name a template is given on the command line: {@code keras-cifar10-cnn} for {@code KERAS_CIFAR10_CNN}. */
  static String templateName(ModelTemplate t) {
    return t.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
