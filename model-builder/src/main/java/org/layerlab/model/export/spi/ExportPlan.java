package org.layerlab.model.export.spi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelMessages;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.LayerReport;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Problem;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.export.ExportException;
import org.layerlab.model.graph.ModelGraph;

/**
 * What every exporter needs: the analysed model in graph order, the output layer, and a variable name per layer that is a valid,
 * unique identifier in the target language.
 */
final class ExportPlan {

  final ModelSpec spec;
  final ModelAnalysis analysis;
  final ModelGraph graph;
  final List<Integer> order;
  final int output;
  private final String[] names;
  private final Set<String> used;

  private ExportPlan(ModelSpec spec, ModelAnalysis analysis, ModelGraph graph, Set<String> reserved) {
    this.spec = spec;
    this.analysis = analysis;
    this.graph = graph;
    this.order = graph.topologicalOrder();
    this.output = graph.sinks().get(0);
    this.names = new String[spec.size()];
    this.used = new HashSet<>(reserved);
    for (int i = 0; i < spec.size(); i++) {
      names[i] = fresh(identifier(spec.layer(i).id()));
    }
  }

  /** A name no layer and no word of the target language uses: {@code base}, else {@code base_}, else {@code base_2}, ... */
  String fresh(String base) {
    String name = used.contains(base) ? base + "_" : base;
    for (int n = 2; used.contains(name); n++) {
      name = base + "_" + n;
    }
    used.add(name);
    return name;
  }

  /**
   * Plans the export of {@code spec}; refuses a model with a layer problem or more than one output. A model that does not end in
   * one score per class is exported as it is: code for an autoencoder is fine. The refusal's problems are English in its message
   * and in the window's language through {@link ExportException#problems(Locale)}.
   */
  static ExportPlan of(ModelSpec spec, Set<String> reserved) throws ExportException {
    ModelAnalysis analysis = ModelAnalyzer.analyze(spec);
    List<Problem> layerProblems = layerProblems(analysis);
    if (spec.size() == 0) {
      throw new ExportException(
          ModelMessages.text("export.empty"), analysis.problems(), locale -> ModelAnalyzer.analyze(spec, locale).problems());
    }
    if (!layerProblems.isEmpty()) {
      throw new ExportException(
          ModelMessages.text("export.problems"), layerProblems, locale -> layerProblems(ModelAnalyzer.analyze(spec, locale)));
    }
    ModelGraph graph = ModelGraph.of(spec);
    if (graph.sinks().size() != 1) {
      throw new ExportException(
          ModelMessages.text("export.oneOutput"), analysis.problems(), locale -> ModelAnalyzer.analyze(spec, locale).problems());
    }
    return new ExportPlan(spec, analysis, graph, reserved);
  }

  private static List<Problem> layerProblems(ModelAnalysis analysis) {
    return analysis.problems().stream().filter(p -> p.layerId() != null).toList();
  }

  LayerSpec layer(int i) {
    return spec.layer(i);
  }

  LayerReport report(int i) {
    return analysis.layers().get(i);
  }

  String name(int i) {
    return names[i];
  }

  Shape out(int i) {
    return report(i).outputShape();
  }

  /** The shape at the first input port. */
  Shape in(int i) {
    return report(i).inputShape();
  }

  List<Integer> inputs(int i) {
    return graph.inputs(i);
  }

  List<String> inputNames(int i) {
    List<String> out = new ArrayList<>();
    for (int from : inputs(i)) {
      out.add(names[from]);
    }
    return out;
  }

  /** {@code camelCaseClassName} from a free-text model name: "Keras CIFAR-10 CNN" gives {@code KerasCifar10Cnn}. */
  static String className(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : name.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, "Model");
    }
    return out.toString();
  }

  /** {@code snake_case} from a free-text model name, for Python file and function names. */
  static String snakeName(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "model_" + s : s;
  }

  /** A layer id as an identifier: other characters become _, and a leading digit gets a leading _. */
  private static String identifier(String id) {
    String s = id.replaceAll("[^A-Za-z0-9_]", "_");
    return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }

  /** A number as Python and Java both read it. */
  static String decimal(double v) {
    return Double.toString(v);
  }
}
