package org.cluetrain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core stays framework-free and acyclic: adapters depend on it, never the reverse. */
class CoreArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.cluetrain");

  /**
   * JSpecify's nullness annotations are the one exception: they say what may be null, nothing more.
   */
  @Test
  void coreDependsOnTheJdkOnly() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "org.cluetrain..", "java..", "javax.annotation..", "org.jspecify.annotations..")
        .check(CORE);
  }

  @Test
  void coreDoesNotPrint() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(CORE);
  }

  /** Alerting builds on detection, never the reverse: a detector knows nothing of delivery. */
  @Test
  void detectionKnowsNothingOfAlerts() {
    noClasses()
        .that()
        .resideInAPackage("org.cluetrain.detect..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.cluetrain.alert..")
        .check(CORE);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.cluetrain.(*)..").should().beFreeOfCycles().check(CORE);
  }
}
