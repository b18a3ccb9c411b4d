package org.layerlab.model.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.graph.ModelGraph;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;

/**
 * Infers every layer's output shape, counts parameters and multiply-accumulates, and finds what stops a model from training.
 *
 * <p>Shapes follow the NCHW layout: an image sample is (channels, height, width), a 1-D signal (channels, length), a sequence (time
 * steps, features). Convolution and pooling output sizes use {@code floor((in + 2 * pad - window) / stride) + 1}, the rule of
 * PyTorch and DJL. Layers are inferred in graph order, so a layer may read a layer further down the list; the checks of the graph
 * itself (cycles, ports that read nothing, layers connected to nothing, more than one output) name the layers and the fix.
 */
public final class ModelAnalyzer {

  private static final String ISOLATED = "is connected to nothing: connect it between two layers, or remove it";

  private ModelAnalyzer() {}

  /** Analyses the model on its own. */
  public static ModelAnalysis analyze(ModelSpec spec) {
    return analyze(spec, null);
  }

  /**
   * Analyses the model and, when {@code data} is given, checks that the Input layer takes the dataset's samples and that the model
   * ends in one score per class.
   */
  public static ModelAnalysis analyze(ModelSpec spec, DataSignature data) {
    List<String> modelProblems = new ArrayList<>();
    if (spec.layers().isEmpty()) {
      modelProblems.add("The model has no layers: add an Input layer, then the layers that process it.");
      return new ModelAnalysis(List.of(), modelProblems, null);
    }
    int n = spec.size();
    ModelGraph graph = ModelGraph.of(spec);
    List<List<String>> problems = new ArrayList<>();
    Set<String> seenIds = new HashSet<>();
    for (int i = 0; i < n; i++) {
      problems.add(layerProblems(spec, i, seenIds));
    }
    connectionProblems(graph, problems);
    for (List<Integer> cycle : graph.cycles()) {
      String message = cycleMessage(graph, cycle);
      cycle.forEach(i -> problems.get(i).add(message));
    }

    Shape[] outputs = new Shape[n];
    long[][] counts = new long[n][3]; // parameters, non-trainable, MACs
    for (int i : graph.topologicalOrder()) {
      LayerSpec layer = spec.layer(i);
      List<Integer> in = graph.inputs(i);
      List<Shape> shapes = new ArrayList<>();
      List<LayerRules.Source> sources = new ArrayList<>();
      for (int from : in) {
        if (from >= 0 && outputs[from] != null) {
          shapes.add(outputs[from]);
          LayerSpec s = spec.layer(from);
          sources.add(new LayerRules.Source(s.id(), s.type(), s));
        }
      }
      boolean inputsKnown = shapes.size() == in.size() && (layer.type() == LayerType.INPUT || !in.isEmpty());
      if (!problems.get(i).isEmpty() || !inputsKnown) {
        continue;
      }
      LayerRules.Inferred inferred = LayerRules.infer(layer, shapes, sources);
      outputs[i] = inferred.shape();
      counts[i] = new long[] {inferred.params(), inferred.nonTrainable(), inferred.macs()};
      if (inferred.problem() != null) {
        problems.get(i).add(inferred.problem());
      }
    }

    int output = outputLayer(graph, problems, modelProblems);
    List<LayerReport> reports = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Shape> inShapes = new ArrayList<>();
      for (int from : graph.inputs(i)) {
        if (from >= 0 && outputs[from] != null) {
          inShapes.add(outputs[from]);
        }
      }
      if (inShapes.size() != graph.inputs(i).size()) {
        inShapes.clear();
      }
      Shape first = graph.inputs(i).isEmpty() || graph.inputs(i).get(0) < 0 ? null : outputs[graph.inputs(i).get(0)];
      reports.add(
          new LayerReport(
              spec.layer(i), first, outputs[i], counts[i][0], counts[i][2], problems.get(i), inShapes, spec.inputsOf(i), counts[i][1]));
    }
    LayerReport last = reports.get(output);
    if (last.valid() && last.outputShape() != null && last.outputShape().rank() != 1) {
      modelProblems.add(
          "The model ends in "
              + last.outputShape()
              + " but a classifier must end in (N, classes): add Flatten and a Dense layer with one unit per class after '"
              + last.layer().id()
              + "'.");
    }
    if (data != null) {
      checkAgainstData(reports, output, modelProblems, data);
    }
    return new ModelAnalysis(reports, modelProblems, spec.layer(output).id());
  }

  /** The name, the settings and the place of the Input. */
  private static List<String> layerProblems(ModelSpec spec, int i, Set<String> seenIds) {
    LayerSpec layer = spec.layer(i);
    List<String> problems = new ArrayList<>();
    if (!layer.id().matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
      problems.add(
          "the name '" + layer.id() + "' must start with a Latin letter (a to z) or _ and use only Latin letters, digits, _ and -, such as dense1");
    }
    if (!seenIds.add(layer.id())) {
      problems.add("another layer is already called '" + layer.id() + "': give this one a different name");
    }
    for (Setting s : layer.type().settings()) {
      String p = s.problem(layer.settings().get(s.name()));
      if (p != null) {
        problems.add(p);
      }
    }
    if (i == 0 && layer.type() != LayerType.INPUT) {
      problems.add("the first layer must be an Input layer: add one at the top that matches the dataset's samples");
    } else if (i > 0 && layer.type() == LayerType.INPUT) {
      problems.add("only the first layer may be an Input layer: remove this one");
    }
    return problems;
  }

  /** Ports that read nothing, ports in the wrong number, layers connected to nothing, an Input nobody reads. */
  private static void connectionProblems(ModelGraph graph, List<List<String>> problems) {
    ModelSpec spec = graph.spec();
    int n = spec.size();
    for (ModelGraph.OpenPort open : graph.openPorts()) {
      LayerSpec layer = spec.layer(open.layer());
      boolean single = spec.inputsOf(open.layer()).size() == 1;
      String port = single ? "its input" : "input port " + (open.port() + 1);
      String message =
          open.unconnected()
              ? (single ? "has no input: connect a layer to it, or remove it" : port + " is not connected: connect a layer to it, or remove the port")
              : port
                  + " reads '"
                  + open.source()
                  + "', which is not a layer of this model: connect it to an existing layer"
                  + (layer.type().isMerge() ? ", or remove the port" : "");
      problems.get(open.layer()).add(message);
    }
    for (int i = 0; i < n; i++) {
      LayerSpec layer = spec.layer(i);
      LayerType type = layer.type();
      int connected = graph.connectedInputs(i);
      int ports = spec.inputsOf(i).size();
      boolean read = !graph.consumers(i).isEmpty();
      if (type == LayerType.INPUT && i == 0) {
        if (layer.hasExplicitInputs()) {
          problems.get(i).add("an Input layer reads no other layer: remove its inputs " + quoted(layer.inputs()));
        }
        if (!read && n > 1) {
          problems.get(i).add("no layer reads this Input: connect it to the first layer that processes the samples");
        }
        continue;
      }
      if (i == 0 || type == LayerType.INPUT) {
        continue; // the misplaced Input is reported already
      }
      if (connected == 0 && !read && ports > 0 && i < n - 1) {
        // nothing in, nothing out: one message for the layer instead of one per port (the last layer is the output, not a stray)
        problems.get(i).removeIf(m -> m.startsWith("input port ") || m.startsWith("its input ") || m.startsWith("has no input"));
        problems.get(i).add(ISOLATED);
        continue;
      }
      if (ports < type.minInputs()) {
        problems.get(i).add(
            type.jsonName()
                + " joins two or more inputs but has "
                + (ports == 1 ? "one" : String.valueOf(ports))
                + " ("
                + String.join(", ", quotedEach(spec.inputsOf(i)))
                + "): connect another layer to it, such as the start of the block it closes");
      } else if (ports > type.maxInputs()) {
        problems.get(i).add(
            "takes one input but "
                + ports
                + " are connected ("
                + String.join(", ", quotedEach(spec.inputsOf(i)))
                + "): join them with an Add or Concatenate before it, or disconnect all but one");
      }
    }
  }

  /** Picks the model's output and reports a model with several. Returns its index. */
  private static int outputLayer(ModelGraph graph, List<List<String>> problems, List<String> modelProblems) {
    List<Integer> sinks = new ArrayList<>();
    for (int i : graph.sinks()) {
      boolean isolated = problems.get(i).contains(ISOLATED);
      boolean unreadInput = i == 0 && graph.size() > 1;
      if (!isolated && !unreadInput) {
        sinks.add(i);
      }
    }
    if (sinks.isEmpty()) {
      return graph.size() - 1;
    }
    int output = sinks.get(sinks.size() - 1);
    if (sinks.size() > 1) {
      List<String> others = graph.ids(sinks.subList(0, sinks.size() - 1));
      modelProblems.add(
          "The model has "
              + sinks.size()
              + " outputs ("
              + String.join(", ", quotedEach(graph.ids(sinks)))
              + ") but can have only one: connect "
              + String.join(" and ", quotedEach(others))
              + " to a layer that leads to '"
              + graph.spec().layer(output).id()
              + "' (an Add or Concatenate joins paths), or remove "
              + (others.size() == 1 ? "it" : "them")
              + ".");
    }
    return output;
  }

  private static String cycleMessage(ModelGraph graph, List<Integer> cycle) {
    List<Integer> loop = new ArrayList<>(cycle);
    loop.add(cycle.get(0));
    String path = loop.stream().map(i -> "'" + graph.spec().layer(i).id() + "'").collect(Collectors.joining(" -> "));
    // the connection that points back up the list is the one a reader sees as wrong
    int from = cycle.get(cycle.size() - 1);
    int to = cycle.get(0);
    for (int k = 0; k < cycle.size(); k++) {
      int a = cycle.get(k);
      int b = loop.get(k + 1);
      if (a >= b) {
        from = a;
        to = b;
        break;
      }
    }
    return "is part of a cycle "
        + path
        + ", but data must flow one way: disconnect '"
        + graph.spec().layer(from).id()
        + "' from '"
        + graph.spec().layer(to).id()
        + "'";
  }

  private static void checkAgainstData(List<LayerReport> reports, int output, List<String> modelProblems, DataSignature data) {
    LayerReport first = reports.get(0);
    if (first.layer().type() == LayerType.INPUT && first.valid() && !first.outputShape().equals(data.sampleShape())) {
      reports.set(
          0,
          first.withProblem(
              "the dataset's samples are "
                  + data.sampleShape()
                  + " but this Input takes "
                  + first.outputShape()
                  + ": set shape to "
                  + data.sampleShape().dims().toString().replaceAll("[\\[\\]]", "")));
      return;
    }
    LayerReport last = reports.get(output);
    Shape out = last.outputShape();
    if (out != null && out.rank() == 1 && out.dim(0) != data.classes()) {
      String fix =
          last.layer().type() == LayerType.DENSE
              ? "set units of '" + last.layer().id() + "' to " + data.classes()
              : "end with a Dense layer of " + data.classes() + " units";
      modelProblems.add(
          "The dataset has " + data.classes() + " classes but the model outputs " + out.dim(0) + " scores per sample: " + fix + ".");
    }
  }

  private static String quoted(List<String> ids) {
    return "(" + String.join(", ", quotedEach(ids)) + ")";
  }

  private static List<String> quotedEach(List<String> ids) {
    return ids.stream().map(id -> id.isEmpty() ? "nothing" : "'" + id + "'").toList();
  }
}
