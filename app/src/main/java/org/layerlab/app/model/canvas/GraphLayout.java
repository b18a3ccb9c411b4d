package org.layerlab.app.model.canvas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.graph.ModelGraph;
import org.layerlab.model.project.Layout.Position;

/**
 * A layered drawing of a model graph in the manner of Sugiyama, Tagawa and Toda (1981), data flowing top to bottom.
 *
 * <ol>
 *   <li><b>Layers.</b> Each layer of the network sits on the row of its longest path from a layer that reads nothing, so every wire
 *       points down. Layers on a cycle (which an editor can draw) go one row below the latest layer they read.
 *   <li><b>Long wires.</b> A wire that spans several rows gets a dummy point on each row it crosses, so it is routed beside the
 *       layers in between instead of through them (a residual shortcut runs down its own column).
 *   <li><b>Order.</b> Rows are ordered by the barycenter heuristic, sweeping down and up a few times and keeping the order with the
 *       fewest wire crossings.
 *   <li><b>Coordinates.</b> Each node moves towards the mean of the nodes it connects to, without overlapping its row neighbours.
 * </ol>
 *
 * <p>Plain Java and deterministic: the same model always gets the same drawing.
 */
public final class GraphLayout {

  /** The drawing: top-left corner of every layer's node, its row, and the bend points of wires that span several rows. */
  public record Result(Map<String, Position> positions, Map<String, Integer> rows, Map<WireKey, List<Position>> bends) {
    public Result {
      positions = Map.copyOf(positions);
      rows = Map.copyOf(rows);
      bends = Map.copyOf(bends);
    }
  }

  /** A wire by its ends: the output of {@code from} into input port {@code port} of {@code to}. */
  public record WireKey(String from, String to, int port) {}

  static final double MARGIN = 40;
  static final double GAP_X = 36;
  static final double GAP_Y = 52;
  /** The width a long wire's dummy point takes in its row. */
  static final double DUMMY_WIDTH = 24;
  private static final int SWEEPS = 8;

  private final double nodeWidth;
  private final double nodeHeight;

  public GraphLayout(double nodeWidth, double nodeHeight) {
    this.nodeWidth = nodeWidth;
    this.nodeHeight = nodeHeight;
  }

  /** Lays out every layer of {@code model}. */
  public Result layout(ModelSpec model) {
    ModelGraph graph = ModelGraph.of(model);
    int n = graph.size();
    int[] row = rows(graph);

    // the layered graph: real nodes 0..n-1, then one dummy per row a long wire crosses
    List<Integer> nodeRow = new ArrayList<>();
    List<Integer> origin = new ArrayList<>(); // list index of the real node, or of the wire's source for a dummy
    for (int i = 0; i < n; i++) {
      nodeRow.add(row[i]);
      origin.add(i);
    }
    List<List<Integer>> preds = new ArrayList<>();
    List<List<Integer>> succs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      preds.add(new ArrayList<>());
      succs.add(new ArrayList<>());
    }
    Map<ModelGraph.Edge, List<Integer>> chains = new HashMap<>();
    for (ModelGraph.Edge e : graph.edges()) {
      if (row[e.to()] <= row[e.from()]) {
        continue; // a wire back up a cycle takes no part in ordering
      }
      int prev = e.from();
      List<Integer> chain = new ArrayList<>();
      for (int r = row[e.from()] + 1; r < row[e.to()]; r++) {
        int d = nodeRow.size();
        nodeRow.add(r);
        origin.add(e.from());
        preds.add(new ArrayList<>());
        succs.add(new ArrayList<>());
        link(preds, succs, prev, d);
        chain.add(d);
        prev = d;
      }
      link(preds, succs, prev, e.to());
      chains.put(e, chain);
    }
    int total = nodeRow.size();
    int rowCount = nodeRow.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;

    List<List<Integer>> order = new ArrayList<>();
    for (int r = 0; r < rowCount; r++) {
      order.add(new ArrayList<>());
    }
    for (int v = 0; v < total; v++) {
      order.get(nodeRow.get(v)).add(v); // real nodes in list order first, then dummies
    }
    order = minimiseCrossings(order, preds, succs, total);

    double[] width = new double[total];
    for (int v = 0; v < total; v++) {
      width[v] = v < n ? nodeWidth : DUMMY_WIDTH;
    }
    double[] centre = coordinates(order, preds, succs, width);

    Map<String, Position> positions = new HashMap<>();
    Map<String, Integer> rows = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String id = graph.spec().layer(i).id();
      positions.putIfAbsent(id, new Position(centre[i] - nodeWidth / 2, top(row[i])));
      rows.putIfAbsent(id, row[i]);
    }
    Map<WireKey, List<Position>> bends = new HashMap<>();
    chains.forEach(
        (e, chain) -> {
          if (!chain.isEmpty()) {
            List<Position> points = new ArrayList<>();
            for (int d : chain) {
              points.add(new Position(centre[d], top(nodeRow.get(d))));
              points.add(new Position(centre[d], top(nodeRow.get(d)) + nodeHeight));
            }
            bends.put(new WireKey(model.layer(e.from()).id(), model.layer(e.to()).id(), e.port()), points);
          }
        });
    return new Result(positions, rows, bends);
  }

  private double top(int row) {
    return MARGIN + row * (nodeHeight + GAP_Y);
  }

  private static void link(List<List<Integer>> preds, List<List<Integer>> succs, int from, int to) {
    succs.get(from).add(to);
    preds.get(to).add(from);
  }

  /** Longest path from the layers that read nothing; layers on cycles one row below the latest layer they read. */
  static int[] rows(ModelGraph graph) {
    int n = graph.size();
    int[] row = new int[n];
    boolean[] placed = new boolean[n];
    for (int v : graph.topologicalOrder()) {
      int r = 0;
      for (int in : graph.inputs(v)) {
        if (in >= 0) {
          r = Math.max(r, row[in] + 1);
        }
      }
      row[v] = r;
      placed[v] = true;
    }
    for (int v = 0; v < n; v++) {
      if (!placed[v]) {
        int r = 0;
        for (int in : graph.inputs(v)) {
          if (in >= 0 && placed[in]) {
            r = Math.max(r, row[in] + 1);
          }
        }
        row[v] = r;
        placed[v] = true;
      }
    }
    return row;
  }

  private static List<List<Integer>> minimiseCrossings(
      List<List<Integer>> start, List<List<Integer>> preds, List<List<Integer>> succs, int total) {
    List<List<Integer>> best = copy(start);
    int bestCrossings = crossings(best, succs, total);
    List<List<Integer>> current = copy(start);
    for (int sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
      boolean down = sweep % 2 == 0;
      if (down) {
        for (int r = 1; r < current.size(); r++) {
          reorder(current.get(r), current.get(r - 1), preds, total);
        }
      } else {
        for (int r = current.size() - 2; r >= 0; r--) {
          reorder(current.get(r), current.get(r + 1), succs, total);
        }
      }
      int c = crossings(current, succs, total);
      if (c < bestCrossings) {
        bestCrossings = c;
        best = copy(current);
      }
    }
    return best;
  }

  /** Sorts {@code row} by the mean position of each node's neighbours in {@code fixed}; nodes without any keep their place. */
  private static void reorder(List<Integer> row, List<Integer> fixed, List<List<Integer>> neighbours, int total) {
    int[] pos = positions(fixed, total);
    double[] key = new double[total];
    for (int i = 0; i < row.size(); i++) {
      int v = row.get(i);
      List<Integer> ns = neighbours.get(v).stream().filter(u -> pos[u] >= 0).toList();
      key[v] = ns.isEmpty() ? i : ns.stream().mapToInt(u -> pos[u]).average().orElse(i);
    }
    List<Integer> sorted = new ArrayList<>(row);
    sorted.sort(Comparator.comparingDouble((Integer v) -> key[v]).thenComparingInt(row::indexOf));
    row.clear();
    row.addAll(sorted);
  }

  /** The number of pairs of wires that cross between adjacent rows. */
  static int crossings(List<List<Integer>> order, List<List<Integer>> succs, int total) {
    int count = 0;
    for (int r = 0; r + 1 < order.size(); r++) {
      int[] below = positions(order.get(r + 1), total);
      List<int[]> wires = new ArrayList<>();
      List<Integer> upper = order.get(r);
      for (int i = 0; i < upper.size(); i++) {
        for (int s : succs.get(upper.get(i))) {
          if (below[s] >= 0) {
            wires.add(new int[] {i, below[s]});
          }
        }
      }
      for (int a = 0; a < wires.size(); a++) {
        for (int b = a + 1; b < wires.size(); b++) {
          int[] x = wires.get(a);
          int[] y = wires.get(b);
          if ((x[0] - y[0]) * (x[1] - y[1]) < 0) {
            count++;
          }
        }
      }
    }
    return count;
  }

  private static int[] positions(List<Integer> row, int total) {
    int[] pos = new int[total];
    Arrays.fill(pos, -1);
    for (int i = 0; i < row.size(); i++) {
      pos[row.get(i)] = i;
    }
    return pos;
  }

  /** Centre x of every node: packed left to right, then pulled towards its neighbours without overlapping. */
  private static double[] coordinates(List<List<Integer>> order, List<List<Integer>> preds, List<List<Integer>> succs, double[] width) {
    double[] centre = new double[width.length];
    for (List<Integer> row : order) {
      double x = MARGIN;
      for (int v : row) {
        centre[v] = x + width[v] / 2;
        x += width[v] + GAP_X;
      }
    }
    for (int pass = 0; pass < 4; pass++) {
      boolean down = pass % 2 == 0;
      for (int k = 0; k < order.size(); k++) {
        int r = down ? k : order.size() - 1 - k;
        List<Integer> row = order.get(r);
        double[] desired = new double[row.size()];
        for (int i = 0; i < row.size(); i++) {
          int v = row.get(i);
          List<Integer> ns = down ? preds.get(v) : succs.get(v);
          desired[i] = ns.isEmpty() ? centre[v] : ns.stream().mapToDouble(u -> centre[u]).average().orElse(centre[v]);
        }
        place(row, desired, width, centre);
      }
    }
    double min = Arrays.stream(order.stream().flatMap(List::stream).mapToDouble(v -> centre[v] - width[v] / 2).toArray()).min().orElse(MARGIN);
    for (int v = 0; v < centre.length; v++) {
      centre[v] += MARGIN - min;
    }
    return centre;
  }

  /**
   * Puts the nodes of a row as near their desired centres as their order allows. Pushing overlapping nodes right gives one
   * arrangement without overlaps, pushing them left another; the mean of the two has none either and leans neither way.
   */
  private static void place(List<Integer> row, double[] desired, double[] width, double[] centre) {
    int m = row.size();
    double[] right = new double[m];
    for (int i = 0; i < m; i++) {
      right[i] = i == 0 ? desired[i] : Math.max(desired[i], right[i - 1] + sep(row, i - 1, width));
    }
    double[] left = new double[m];
    for (int i = m - 1; i >= 0; i--) {
      left[i] = i == m - 1 ? desired[i] : Math.min(desired[i], left[i + 1] - sep(row, i, width));
    }
    for (int i = 0; i < m; i++) {
      centre[row.get(i)] = (left[i] + right[i]) / 2;
    }
  }

  /** The distance between the centres of the nodes at {@code i} and {@code i + 1} of a row. */
  private static double sep(List<Integer> row, int i, double[] width) {
    return width[row.get(i)] / 2 + GAP_X + width[row.get(i + 1)] / 2;
  }

  private static List<List<Integer>> copy(List<List<Integer>> order) {
    List<List<Integer>> out = new ArrayList<>();
    order.forEach(r -> out.add(new ArrayList<>(r)));
    return out;
  }
}
