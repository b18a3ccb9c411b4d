package org.layerlab.charts.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/** The demo window: one tab per component, each built by {@link Demos} with generated data. */
public final class DemoApp extends Application {

  private final List<AutoCloseable> running = new ArrayList<>();

  @Override
  public void start(Stage stage) {
    String only = getParameters().getNamed().get("show");
    Map<String, Supplier<Demos.Demo>> demos = new LinkedHashMap<>(Demos.all());
    Node root;
    if (only != null) {
      Supplier<Demos.Demo> demo = demos.get(only);
      if (demo == null) {
        throw new IllegalArgumentException("unknown demo '" + only + "'; known: " + demos.keySet());
      }
      root = open(demo);
      stage.setTitle("Layerlab charts: " + only);
    } else {
      TabPane tabs = new TabPane();
      tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
      demos.forEach((name, demo) -> tabs.getTabs().add(new Tab(name, open(demo))));
      root = tabs;
      stage.setTitle("Layerlab charts demo");
    }
    stage.setScene(new Scene((javafx.scene.Parent) root, 1440, 900));
    stage.show();
  }

  private Node open(Supplier<Demos.Demo> supplier) {
    Demos.Demo demo = supplier.get();
    running.add(demo.stop());
    return demo.view();
  }

  @Override
  public void stop() throws Exception {
    for (AutoCloseable c : running) {
      c.close();
    }
  }
}
