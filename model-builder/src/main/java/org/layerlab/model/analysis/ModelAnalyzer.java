package org.layerlab.model.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelMessages;
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

  private ModelAnalyzer() {}

  /** Analyses the model on its own, with English messages. */
  public static ModelAnalysis analyze(ModelSpec spec) {
    return analyze(spec, null, Locale.ENGLISH);
  }

  /** Analyses the model on its own, with messages in {@code locale}'s language (English when there is no bundle for it). */
  public static ModelAnalysis analyze(ModelSpec spec, Locale locale) {
    return analyze(spec, null, locale);
  }

  /** {@link #analyze(ModelSpec, DataSignature, Locale)} with English messages. */
  public static ModelAnalysis analyze(ModelSpec spec, DataSignature data) {
    return analyze(spec, data, Locale.ENGLISH);
  }

  /**
   * Analyses the model and, when {@code data} is given, checks that the Input layer takes the dataset's samples and that the model
   * ends in one score per class. The messages are in {@code locale}'s language, with the same layer names and numbers in each.
   */
  public static ModelAnalysis analyze(ModelSpec spec, DataSignature data, Locale locale) {
    ModelMessages m = ModelMessages.of(locale);
    List<String> modelProblems = new ArrayList<>();
    if (spec.layers().isEmpty()) {
      modelProblems.add(m.get("analysis.noLayers"));
      return new ModelAnalysis(List.of(), modelProblems, null);
    }
    int n = spec.size();
    ModelGraph graph = ModelGraph.of(spec);
    List<List<String>> problems = new ArrayList<>();
    Set<String> seenIds = new HashSet<>();
    for (int i = 0; i < n; i++) {
      problems.add(layerProblems(spec, i, seenIds, m));
    }
    connectionProblems(graph, problems, m);
    for (List<Integer> cycle : graph.cycles()) {
      String message = cycleMessage(graph, cycle, m);
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
      LayerRules.Inferred inferred = LayerRules.infer(layer, shapes, sources, m);
      outputs[i] = inferred.shape();
      counts[i] = new long[] {inferred.params(), inferred.nonTrainable(), inferred.macs()};
      if (inferred.problem() != null) {
        problems.get(i).add(inferred.problem());
      }
    }

    int output = outputLayer(graph, problems, modelProblems, m);
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
      modelProblems.add(m.get("analysis.notClassVector", last.outputShape().toString(), last.layer().id()));
    }
    if (data != null) {
      checkAgainstData(reports, output, modelProblems, data, m);
    }
    return new ModelAnalysis(reports, modelProblems, spec.layer(output).id());
  }

  /** The name, the settings and the place of the Input. */
  private static List<String> layerProblems(ModelSpec spec, int i, Set<String> seenIds, ModelMessages m) {
    LayerSpec layer = spec.layer(i);
    List<String> problems = new ArrayList<>();
    if (!layer.id().matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
      problems.add(m.get("analysis.badName", layer.id()));
    }
    if (!seenIds.add(layer.id())) {
      problems.add(m.get("analysis.duplicateName", layer.id()));
    }
    for (Setting s : layer.type().settings()) {
      String p = s.problem(layer.settings().get(s.name()), m.locale());
      if (p != null) {
        problems.add(p);
      }
    }
    if (i == 0 && layer.type() != LayerType.INPUT) {
      problems.add(m.get("analysis.firstNotInput"));
    } else if (i > 0 && layer.type() == LayerType.INPUT) {
      problems.add(m.get("analysis.inputNotFirst"));
    }
    return problems;
  }

  /** Ports that read nothing, ports in the wrong number, layers connected to nothing, an Input nobody reads. */
  private static void connectionProblems(ModelGraph graph, List<List<String>> problems, ModelMessages m) {
    ModelSpec spec = graph.spec();
    int n = spec.size();
    Set<String> portMessages = new HashSet<>();
    for (ModelGraph.OpenPort open : graph.openPorts()) {
      LayerSpec layer = spec.layer(open.layer());
      boolean single = spec.inputsOf(open.layer()).size() == 1;
      String port = single ? m.get("analysis.port.single") : m.get("analysis.port.numbered", String.valueOf(open.port() + 1));
      String message =
          open.unconnected()
              ? (single ? m.get("analysis.noInput") : m.get("analysis.portUnconnected", port))
              : m.get(layer.type().isMerge() ? "analysis.portDanglingMerge" : "analysis.portDangling", port, open.source());
      problems.get(open.layer()).add(message);
      portMessages.add(message);
    }
    for (int i = 0; i < n; i++) {
      LayerSpec layer = spec.layer(i);
      LayerType type = layer.type();
      int connected = graph.connectedInputs(i);
      int ports = spec.inputsOf(i).size();
      boolean read = !graph.consumers(i).isEmpty();
      if (type == LayerType.INPUT && i == 0) {
        if (layer.hasExplicitInputs()) {
          problems.get(i).add(m.get("analysis.inputHasInputs", quoted(layer.inputs(), m)));
        }
        if (!read && n > 1) {
          problems.get(i).add(m.get("analysis.inputUnread"));
        }
        continue;
      }
      if (i == 0 || type == LayerType.INPUT) {
        continue; // the misplaced Input is reported already
      }
      if (connected == 0 && !read && ports > 0 && i < n - 1) {
        // nothing in, nothing out: one message for the layer instead of one per port (the last layer is the output, not a stray)
        problems.get(i).removeIf(portMessages::contains);
        problems.get(i).add(m.get("analysis.isolated"));
        continue;
      }
      if (ports < type.minInputs()) {
        problems.get(i).add(
            m.get(
                "analysis.mergeTooFew",
                type.jsonName(),
                ports == 1 ? m.get("analysis.one") : String.valueOf(ports),
                String.join(", ", quotedEach(spec.inputsOf(i), m))));
      } else if (ports > type.maxInputs()) {
        problems.get(i).add(m.get("analysis.tooManyInputs", String.valueOf(ports), String.join(", ", quotedEach(spec.inputsOf(i), m))));
      }
    }
  }

  /** Picks the model's output and reports a model with several. Returns its index. */
  private static int outputLayer(ModelGraph graph, List<List<String>> problems, List<String> modelProblems, ModelMessages m) {
    String isolatedMessage = m.get("analysis.isolated");
    List<Integer> sinks = new ArrayList<>();
    for (int i : graph.sinks()) {
      boolean isolated = problems.get(i).contains(isolatedMessage);
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
      List<String> quotedOthers = quotedEach(others, m);
      String joined = quotedOthers.get(0);
      for (String other : quotedOthers.subList(1, quotedOthers.size())) {
        joined = m.get("analysis.and", joined, other);
      }
      modelProblems.add(
          m.get(
              others.size() == 1 ? "analysis.severalOutputs.one" : "analysis.severalOutputs.many",
              String.valueOf(sinks.size()),
              String.join(", ", quotedEach(graph.ids(sinks), m)),
              joined,
              graph.spec().layer(output).id()));
    }
    return output;
  }

  private static String cycleMessage(ModelGraph graph, List<Integer> cycle, ModelMessages m) {
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
    return m.get("analysis.cycle", path, graph.spec().layer(from).id(), graph.spec().layer(to).id());
  }

  private static void checkAgainstData(
      List<LayerReport> reports, int output, List<String> modelProblems, DataSignature data, ModelMessages m) {
    LayerReport first = reports.get(0);
    if (first.layer().type() == LayerType.INPUT && first.valid() && !first.outputShape().equals(data.sampleShape())) {
      reports.set(
          0,
          first.withProblem(
              m.get(
                  "analysis.dataShape",
                  data.sampleShape().toString(),
                  first.outputShape().toString(),
                  data.sampleShape().dims().toString().replaceAll("[\\[\\]]", ""))));
      return;
    }
    LayerReport last = reports.get(output);
    Shape out = last.outputShape();
    if (out != null && out.rank() == 1 && out.dim(0) != data.classes()) {
      String fix =
          last.layer().type() == LayerType.DENSE
              ? m.get("analysis.classes.setUnits", last.layer().id(), String.valueOf(data.classes()))
              : m.get("analysis.classes.endDense", String.valueOf(data.classes()));
      modelProblems.add(m.get("analysis.classes", String.valueOf(data.classes()), String.valueOf(out.dim(0)), fix));
    }
  }

  private static String quoted(List<String> ids, ModelMessages m) {
    return "(" + String.join(", ", quotedEach(ids, m)) + ")";
  }

  private static List<String> quotedEach(List<String> ids, ModelMessages m) {
    return ids.stream().map(id -> id.isEmpty() ? m.get("analysis.nothing") : "'" + id + "'").toList();
  }
}
