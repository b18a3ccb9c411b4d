package org.layerlab.model.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;

/**
 * A model seen as a directed graph: one node per layer, an edge from each layer to every layer that reads it. Layers are addressed
 * by their index in the model's list; an id names the first layer that has it.
 *
 * <p>A layer's input ports are numbered from 0 in the order of {@link ModelSpec#inputsOf(int)}. A port that names no layer
 * ({@link LayerSpec#UNCONNECTED} or an unknown id) has no edge; {@link #openPorts()} lists them. The graph may have cycles (an
 * editor can draw one); {@link #cycles()} finds them and {@link #topologicalOrder()} leaves their layers out.
 */
public final class ModelGraph {

  /** A connection from the output of {@code from} to input port {@code port} of {@code to}, as list indices. */
  public record Edge(int from, int to, int port) {}

  /** An input port that reads no layer: {@code source} is {@link LayerSpec#UNCONNECTED} or an id no layer has. */
  public record OpenPort(int layer, int port, String source) {
    public boolean unconnected() {
      return source.equals(LayerSpec.UNCONNECTED);
    }
  }

  private final ModelSpec spec;
  private final Map<String, Integer> indexById = new HashMap<>();
  private final List<List<Integer>> inputs = new ArrayList<>();
  private final List<List<Integer>> consumers = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();
  private final List<OpenPort> openPorts = new ArrayList<>();

  private ModelGraph(ModelSpec spec) {
    this.spec = spec;
    for (int i = 0; i < spec.size(); i++) {
      indexById.putIfAbsent(spec.layer(i).id(), i);
      consumers.add(new ArrayList<>());
    }
    for (int i = 0; i < spec.size(); i++) {
      List<Integer> in = new ArrayList<>();
      List<String> ids = spec.inputsOf(i);
      for (int port = 0; port < ids.size(); port++) {
        // the implicit input is the previous layer by position, not by id, so that duplicate ids do not rewire anything
        Integer from = spec.layer(i).hasExplicitInputs() ? indexById.get(ids.get(port)) : Integer.valueOf(i - 1);
        if (from == null) {
          in.add(-1);
          openPorts.add(new OpenPort(i, port, ids.get(port)));
        } else {
          in.add(from);
          consumers.get(from).add(i);
          edges.add(new Edge(from, i, port));
        }
      }
      inputs.add(List.copyOf(in));
    }
  }

  public static ModelGraph of(ModelSpec spec) {
    return new ModelGraph(spec);
  }

  public ModelSpec spec() {
    return spec;
  }

  public int size() {
    return spec.size();
  }

  /** The index of the first layer called {@code id}, or -1. */
  public int indexOf(String id) {
    return indexById.getOrDefault(id, -1);
  }

  /** The layers feeding each input port of {@code layer}, in port order, -1 for a port that reads no layer. */
  public List<Integer> inputs(int layer) {
    return inputs.get(layer);
  }

  /** The layers that read {@code layer}, in list order, once per port (a layer reading it twice appears twice). */
  public List<Integer> consumers(int layer) {
    return List.copyOf(consumers.get(layer));
  }

  /** Every connection, grouped by the reading layer in list order. */
  public List<Edge> edges() {
    return List.copyOf(edges);
  }

  /** Every input port that reads no layer. */
  public List<OpenPort> openPorts() {
    return List.copyOf(openPorts);
  }

  /** The number of ports of {@code layer} that read a layer. */
  public int connectedInputs(int layer) {
    return (int) inputs.get(layer).stream().filter(i -> i >= 0).count();
  }

  /** Layers whose output no layer reads, in list order. */
  public List<Integer> sinks() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (consumers.get(i).isEmpty()) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * The layers in an order where each comes after all layers it reads, ties broken by list order, so a sequential model keeps its
   * list order. Layers on a cycle, and layers that read them, are left out.
   */
  public List<Integer> topologicalOrder() {
    int[] waiting = new int[size()];
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < size(); i++) {
      waiting[i] = connectedInputs(i);
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<Integer> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      int next = ready.poll();
      order.add(next);
      for (int c : consumers.get(next)) {
        if (--waiting[c] == 0) {
          ready.add(c);
        }
      }
    }
    return order;
  }

  public boolean isAcyclic() {
    return cycles().isEmpty();
  }

  /**
   * One cycle through each group of layers that feed each other, as the list indices along the cycle; the first layer is the one
   * earliest in the list, and the cycle closes back to it. A layer that reads itself is a cycle of one.
   */
  public List<List<Integer>> cycles() {
    List<List<Integer>> out = new ArrayList<>();
    for (List<Integer> component : stronglyConnectedComponents()) {
      int start = component.stream().min(Integer::compare).orElseThrow();
      if (component.size() == 1 && !consumers.get(start).contains(start)) {
        continue;
      }
      out.add(pathBack(start, component));
    }
    out.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
    return out;
  }

  /** A shortest path from {@code start} along edges inside {@code component} back to {@code start}, without repeating it. */
  private List<Integer> pathBack(int start, List<Integer> component) {
    Map<Integer, Integer> cameFrom = new HashMap<>();
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      int at = queue.poll();
      for (int next : consumers.get(at)) {
        if (next == start) {
          List<Integer> path = new ArrayList<>();
          for (Integer p = at; p != null && p != start; p = cameFrom.get(p)) {
            path.add(0, p);
          }
          path.add(0, start);
          return path;
        }
        if (component.contains(next) && !cameFrom.containsKey(next)) {
          cameFrom.put(next, at);
          queue.add(next);
        }
      }
    }
    throw new IllegalStateException("a strongly connected component always closes");
  }

  /** Tarjan's algorithm, iterative so a long chain of layers cannot overflow the stack. */
  private List<List<Integer>> stronglyConnectedComponents() {
    int n = size();
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    java.util.Arrays.fill(index, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    List<List<Integer>> components = new ArrayList<>();
    int counter = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      Deque<int[]> work = new ArrayDeque<>(); // {node, next consumer position}
      work.push(new int[] {root, 0});
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = true;
      while (!work.isEmpty()) {
        int[] frame = work.peek();
        int v = frame[0];
        List<Integer> out = consumers.get(v);
        if (frame[1] < out.size()) {
          int w = out.get(frame[1]++);
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = true;
            work.push(new int[] {w, 0});
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          int parent = work.peek()[0];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == index[v]) {
          List<Integer> component = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            component.add(w);
          } while (w != v);
          components.add(component);
        }
      }
    }
    return components;
  }

  /** The ids of {@code indices}, for messages. */
  public List<String> ids(List<Integer> indices) {
    return indices.stream().map(i -> spec.layer(i).id()).toList();
  }
}
