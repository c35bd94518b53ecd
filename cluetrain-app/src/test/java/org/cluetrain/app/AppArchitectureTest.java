package org.cluetrain.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Boundaries between the modules, checked on everything the application puts together. */
class AppArchitectureTest {
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.cluetrain");

  private static final String[] CORE = {
    "org.cluetrain.model..",
    "org.cluetrain.ingest..",
    "org.cluetrain.enrich..",
    "org.cluetrain.query..",
    "org.cluetrain.match..",
    "org.cluetrain.store..",
    "org.cluetrain.pipeline..",
    "org.cluetrain.alert..",
    "org.cluetrain.inbox..",
    "org.cluetrain.access..",
    "org.cluetrain.report.."
  };

  @Test
  void theCoreImportsNoAdapter() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.cluetrain.formats..",
            "org.cluetrain.lucene..",
            "org.cluetrain.jdbc..",
            "org.cluetrain.language..",
            "org.cluetrain.connectors..",
            "org.cluetrain.app..",
            "org.apache..",
            "com..",
            "io..")
        .check(ALL);
  }

  @Test
  void adaptersDoNotDependOnEachOtherOrOnTheApplication() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.cluetrain.lucene..", "org.cluetrain.jdbc..", "org.cluetrain.language..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.cluetrain.app..", "org.cluetrain.formats..", "org.cluetrain.connectors..")
        .check(ALL);
  }

  /** Tools' entry points (training the shipped models, say) talk to a terminal, too. */
  private static final DescribedPredicate<JavaClass> COMMAND_LINE_ENTRY_POINTS =
      new DescribedPredicate<>("command-line entry points") {
        @Override
        public boolean test(JavaClass type) {
          return type.getMethods().stream()
              .anyMatch(
                  m ->
                      m.getName().equals("main") && m.getModifiers().contains(JavaModifier.STATIC));
        }
      };

  @Test
  void nothingButTheCommandLinePrints() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.cluetrain.cli..")
        .and(DescribedPredicate.not(COMMAND_LINE_ENTRY_POINTS))
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(ALL);
  }
}
