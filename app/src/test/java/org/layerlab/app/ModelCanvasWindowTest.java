package org.layerlab.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.model.ModelEditorViewModel;
import org.layerlab.app.model.canvas.CanvasNode;
import org.layerlab.model.LayerSpec;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The model canvas in the real window, driven by a robot: drag from the palette, drag a wire, undo with the keyboard. */
@ExtendWith(ApplicationExtension.class)
class ModelCanvasWindowTest {

  @TempDir Path home;
  private RealWindow window;
  private WorkbenchViewModel viewModel;
  private Scene scene;

  @Start
  void start(Stage stage) {
    window = RealWindow.open(stage, home);
    viewModel = window.viewModel;
    scene = window.scene;
  }

  @AfterEach
  void close() {
    window.close();
  }

  private ModelEditorViewModel editor() {
    return viewModel.main().modelEditor();
  }

  /** A point on empty canvas: the surface's lower left, where the spiral's single column of nodes leaves room. */
  private Point2D emptySpot(FxRobot robot) {
    Bounds surface = robot.lookup("#canvasSurface").query().localToScreen(robot.lookup("#canvasSurface").query().getBoundsInLocal());
    return new Point2D(surface.getMinX() + 40, surface.getMaxY() - 40);
  }

  private static Point2D centre(Node node) {
    Bounds b = node.localToScreen(node.getBoundsInLocal());
    return new Point2D(b.getCenterX(), b.getCenterY());
  }

  @Test
  void dragADenseOntoTheCanvasWireItAndUndoWithTheKeyboard(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main().training().canTrain());
    robot.interact(() -> robot.lookup("#canvasSurface").query().requestFocus());
    assertEquals(4, robot.lookup(".canvas-node").queryAll().size());

    // 1. a Dense from the palette, dropped on empty canvas
    Point2D drop = emptySpot(robot);
    robot.drag("#palette-Dense", MouseButton.PRIMARY).moveTo(drop).drop();
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(5, robot.lookup(".canvas-node").queryAll().size());
    Node dense3 = robot.lookup("#node-dense3").query();
    assertTrue(dense3.getStyleClass().contains("invalid"), "its input is open until it is wired");
    assertEquals(List.of(LayerSpec.UNCONNECTED), editor().getModel().find("dense3").orElseThrow().inputs());
    Point2D placed = centre(robot.lookup("#node-dense3 .node-body").query());
    assertTrue(placed.distance(drop) < 3, "dropped where the mouse let go: " + placed + " vs " + drop);
    assertEquals("\u2192 (?)", robot.lookup("#shape-dense3").queryAs(Label.class).getText());
    CanvasNode dropped = editor().canvas().node("dense3").orElseThrow();
    robot.clickOn("#fitButton"); // every node in sight, so the robot can reach the ports

    // 2. a wire from dense2's output port to dense3's input port
    robot.drag(centre(robot.lookup("#out-dense2").query()), MouseButton.PRIMARY)
        .moveTo(centre(robot.lookup("#in-dense3-0").query()))
        .drop();
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(List.of("dense2"), editor().getModel().find("dense3").orElseThrow().inputs());
    assertEquals("\u2192 (N, 64)", robot.lookup("#shape-dense3").queryAs(Label.class).getText());
    assertTrue(robot.lookup("#wire-dense2-dense3-0").tryQuery().isPresent());
    robot.interact(() -> Screenshots.save(scene, "model-canvas-wired"));

    // 3. Ctrl+Z takes the wire back, a second Ctrl+Z the layer; Ctrl+Y brings the layer back
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("\u2192 (?)", robot.lookup("#shape-dense3").queryAs(Label.class).getText());
    assertTrue(robot.lookup("#wire-dense2-dense3-0").tryQuery().isEmpty());

    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(4, robot.lookup(".canvas-node").queryAll().size());

    robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(5, robot.lookup(".canvas-node").queryAll().size());
    CanvasNode back = editor().canvas().node("dense3").orElseThrow();
    assertEquals(dropped.x(), back.x(), "redo puts it back where it was dropped");
    assertEquals(dropped.y(), back.y());
  }

  @Test
  void classroomModeDrawsLargerNodesWithLargerTextThatStillWireByDrag(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main().training().canTrain());
    double normalFont = robot.lookup("#node-dense2 .node-name").queryAs(Label.class).getFont().getSize();
    Bounds normal = robot.lookup("#node-dense2").query().getLayoutBounds();
    double normalPort = robot.lookup("#out-dense2").queryAs(Circle.class).getRadius();

    robot.interact(() -> viewModel.settings().classroomProperty().set(true));
    WaitForAsyncUtils.waitForFxEvents();

    Node node = robot.lookup("#node-dense2").query();
    double font = robot.lookup("#node-dense2 .node-name").queryAs(Label.class).getFont().getSize();
    assertTrue(font > normalFont * 1.3, "the layer's name is larger: " + font + " vs " + normalFont);
    assertTrue(robot.lookup("#shape-dense2").queryAs(Label.class).getFont().getSize() > normalFont, "so is its output shape");
    Bounds big = node.getLayoutBounds();
    assertTrue(big.getWidth() > normal.getWidth() * 1.3 && big.getHeight() > normal.getHeight() * 1.3, big + " vs " + normal);
    for (Node text : robot.lookup("#node-dense2 .label").queryAll()) {
      Bounds b = node.sceneToLocal(text.localToScene(text.getLayoutBounds()));
      assertTrue(b.getMaxY() <= big.getHeight() && b.getMaxX() <= big.getWidth(), "the larger text fits the node: " + text);
    }
    Circle out = robot.lookup("#out-dense2").queryAs(Circle.class);
    assertTrue(out.getRadius() > normalPort, "larger ports to hit");
    assertEquals(big.getWidth() / 2, out.getCenterX(), 1e-6, "the output port stays in the middle of the bottom edge");
    assertEquals(big.getHeight(), out.getCenterY(), 1e-6);
    assertEquals(1.0, editor().canvas().zoomProperty().get(), 1e-9, "a first look in classroom mode does not shrink the larger text");

    Point2D drop = emptySpot(robot);
    robot.drag("#palette-Dense", MouseButton.PRIMARY).moveTo(drop).drop();
    WaitForAsyncUtils.waitForFxEvents();
    Point2D placed = centre(robot.lookup("#node-dense3 .node-body").query());
    assertTrue(placed.distance(drop) < 3, "dropped where the mouse let go: " + placed + " vs " + drop);
    robot.clickOn("#fitButton");
    robot.drag(centre(robot.lookup("#out-dense2").query()), MouseButton.PRIMARY)
        .moveTo(centre(robot.lookup("#in-dense3-0").query()))
        .drop();
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(List.of("dense2"), editor().getModel().find("dense3").orElseThrow().inputs());
    assertTrue(robot.lookup("#wire-dense2-dense3-0").tryQuery().isPresent());
    robot.interact(() -> Screenshots.save(scene, "model-canvas-classroom"));

    robot.interact(() -> viewModel.settings().classroomProperty().set(false));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(normal.getWidth(), robot.lookup("#node-dense2").query().getLayoutBounds().getWidth(), 1e-6, "back to the normal size");
    assertEquals(normalFont, robot.lookup("#node-dense2 .node-name").queryAs(Label.class).getFont().getSize(), 1e-6);
  }

  @Test
  void selectingAWireAndPressingDeleteDisconnectsIt(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main().training().canTrain());
    robot.clickOn("#fitButton");
    Point2D from = centre(robot.lookup("#out-dense1").query());
    Point2D to = centre(robot.lookup("#in-dense2-0").query());
    robot.clickOn(from.midpoint(to));
    assertTrue(robot.lookup("#wire-dense1-dense2-0").tryQuery().isPresent());
    assertEquals("dense2", editor().canvas().selectedWireProperty().get().to());

    robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(List.of(LayerSpec.UNCONNECTED), editor().getModel().find("dense2").orElseThrow().inputs());
    assertTrue(robot.lookup("#badge-dense2").tryQuery().isPresent());
    assertTrue(viewModel.main().training().canTrain() == false);
  }

  @Test
  void ctrlClickAndDeleteRemoveTwoLayersThatComeBackTogether(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main().training().canTrain());
    robot.clickOn("#node-dense1");
    robot.press(KeyCode.CONTROL).clickOn("#node-dense2").release(KeyCode.CONTROL);
    assertEquals(List.of("dense1", "dense2"), editor().canvas().selection());

    robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(2, robot.lookup(".canvas-node").queryAll().size());

    robot.clickOn("#undoButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(4, robot.lookup(".canvas-node").queryAll().size());
  }

  @Test
  void draggingANodeMovesItAndTheProjectRemembersWhere(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main().training().canTrain());
    robot.clickOn("#fitButton");
    Point2D start = centre(robot.lookup("#node-output .node-body").query());
    robot.drag(start, MouseButton.PRIMARY).moveBy(60, 0).moveBy(60, 10).drop();
    WaitForAsyncUtils.waitForFxEvents();

    Point2D now = centre(robot.lookup("#node-output .node-body").query());
    assertEquals(start.getX() + 120, now.getX(), 3);
    assertTrue(editor().getLayout().position("output").isPresent());
    assertTrue(viewModel.project().isDirty(), "a moved node is a change to save");
    assertTrue(viewModel.project().currentProject().layout().position("output").isPresent());

    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(start.getX(), centre(robot.lookup("#node-output .node-body").query()).getX(), 3);
    assertFalse(viewModel.project().isDirty());
  }

  @Test
  void shiftDragSelectsAnAreaAndCtrlCCtrlVPastesCopiesWithTheirWire(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main().training().canTrain());
    robot.clickOn("#fitButton");
    Bounds dense1 = bounds(robot.lookup("#node-dense1 .node-body").query());
    Bounds dense2 = bounds(robot.lookup("#node-dense2 .node-body").query());
    Bounds surface = bounds(robot.lookup("#canvasSurface").query());
    // from empty space left of dense1 to the middle of dense2: the band meets both
    Point2D from = new Point2D(surface.getMinX() + 8, dense1.getMinY() - 4);
    robot.press(KeyCode.SHIFT);
    robot.drag(from, MouseButton.PRIMARY).moveTo(new Point2D(dense2.getCenterX(), dense2.getCenterY())).drop();
    robot.release(KeyCode.SHIFT);
    assertEquals(List.of("dense1", "dense2"), editor().canvas().selection());

    robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(6, robot.lookup(".canvas-node").queryAll().size());
    assertEquals(List.of("dense3", "dense4"), editor().canvas().selection());
    assertTrue(robot.lookup("#wire-dense3-dense4-0").tryQuery().isPresent(), "the wire between the copies");
  }

  @Test
  void draggingEmptySpacePansAndCtrlWheelZooms(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main().training().canTrain());
    Bounds surface = bounds(robot.lookup("#canvasSurface").query());
    Point2D before = centre(robot.lookup("#node-input .node-body").query());
    List<String> selected = List.copyOf(editor().canvas().selection());
    Point2D empty = new Point2D(surface.getMinX() + 10, surface.getMinY() + surface.getHeight() / 2);
    robot.drag(empty, MouseButton.PRIMARY).moveBy(30, 20).moveBy(30, 20).drop();
    Point2D after = centre(robot.lookup("#node-input .node-body").query());
    assertEquals(before.getX() + 60, after.getX(), 2);
    assertEquals(before.getY() + 40, after.getY(), 2);
    assertEquals(selected, editor().canvas().selection(), "panning leaves the selection alone");

    String zoom = robot.lookup("#zoomLabel").queryAs(Label.class).getText();
    robot.moveTo(empty).press(KeyCode.CONTROL).scroll(3, javafx.geometry.VerticalDirection.UP).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(zoom.equals(robot.lookup("#zoomLabel").queryAs(Label.class).getText()), "Ctrl+wheel changed the zoom from " + zoom);
  }

  private static Bounds bounds(Node node) {
    return node.localToScreen(node.getBoundsInLocal());
  }
}
