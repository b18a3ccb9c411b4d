package org.layerlab.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.scene.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows between modules and layers that docs/architecture.md promises, checked on the compiled classes of every module. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.layerlab");
  }

  @Test
  void viewModelsHoldNoNodes() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .or()
        .resideInAPackage("org.layerlab.app.concurrent..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(Node.class)
        .because("view models are tested without a screen; views draw them (MVVM as JabRef does it)")
        .check(classes);
  }

  @Test
  void viewModelsUseNoChartsOrRuntimeEngine() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.layerlab.charts..", "org.layerlab.runtime.train..", "org.layerlab.runtime.compile..")
        .because("view models reach charts through PointSink and training through TrainingJob, so tests can fake both")
        .check(classes);
  }

  @Test
  void modelBuilderImportsNoJavaFxAndNoDjl() {
    noClasses()
        .that()
        .resideInAPackage("org.layerlab.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "ai.djl..")
        .because("the model is plain data, usable from the command line and tests without a screen or an engine")
        .check(classes);
  }

  @Test
  void trainingRuntimeImportsNoJavaFx() {
    noClasses()
        .that()
        .resideInAPackage("org.layerlab.runtime..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("javafx..")
        .because("the runtime trains headless from the command line")
        .check(classes);
  }

  @Test
  void onlyTheTrainingRuntimeImportsDjl() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.layerlab.runtime..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("ai.djl..")
        .because("DJL types stay inside training-runtime; the app and charts see plain event records")
        .check(classes);
  }

  @Test
  void chartsKnowNothingOfTheRuntime() {
    noClasses()
        .that()
        .resideInAPackage("org.layerlab.charts..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.layerlab.runtime..", "org.layerlab.model..", "org.layerlab.app..")
        .because("charts draw plain numbers and can be reused for any metric")
        .check(classes);
  }
}
