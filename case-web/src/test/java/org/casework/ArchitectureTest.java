package org.casework;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.util.UUID;
import org.casework.core.cases.CaseService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of docs/architecture.md, checked on the compiled classes of all modules. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.casework");
    }

    @Test
    void coreHasNoWebServletOrHttpClasses() {
        noClasses()
                .that()
                .resideInAPackage("org.casework.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "jakarta.servlet..",
                        "org.casework.api..",
                        "org.casework.web..",
                        "org.casework.sync..")
                .check(classes);
    }

    /**
     * JSON in the core is for data files (instrument definitions, stored answers — an assessment's,
     * and a visit's structured observations), not for HTTP.
     */
    @Test
    void onlyAssessmentsReadJsonInTheCore() {
        noClasses()
                .that()
                .resideInAPackage("org.casework.core..")
                .and()
                .resideOutsideOfPackage("org.casework.core.assessments..")
                .and()
                .doNotHaveFullyQualifiedName("org.casework.core.services.VisitObservations")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void webPagesNeverCallApiOrSyncClasses() {
        noClasses()
                .that()
                .resideInAPackage("org.casework.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.casework.api..", "org.casework.sync..")
                .check(classes);
    }

    @Test
    void apiDoesNotDependOnWebOrSync() {
        noClasses()
                .that()
                .resideInAPackage("org.casework.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.casework.web..", "org.casework.sync..")
                .check(classes);
    }

    @Test
    void syncDoesNotDependOnApiOrWeb() {
        noClasses()
                .that()
                .resideInAPackage("org.casework.sync..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.casework.api..", "org.casework.web..")
                .check(classes);
    }

    /** The reference client runs on Android: plain Java, SQLite and the JSON library, nothing of the server. */
    @Test
    void syncClientIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("org.casework.sync.client..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "javax..", "org.sqlite..", "tools.jackson..", "org.casework.sync.client..")
                .check(classes);
    }

    @Test
    void coreFeaturesHaveNoCycles() {
        slices().matching("org.casework.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("org.casework.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void entitiesStayInsideTheCore() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.casework.core..")
                .should()
                .beAnnotatedWith(Entity.class)
                .check(classes);
    }

    @Test
    void noEntityLeavesThroughApiWebOrSync() {
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage("org.casework.api..", "org.casework.web..", "org.casework.sync..")
                .and()
                .arePublic()
                .should()
                .haveRawReturnType(annotatedWith(Entity.class))
                .check(classes);
    }

    /**
     * A plan is submitted, approved or returned together with its case: the case's plan steps are
     * taken by the plans feature only, never by a controller or another feature on its own.
     */
    @Test
    void onlyThePlansFeatureTakesTheCasePlanSteps() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.casework.core.plans..", "org.casework.core.cases..")
                .should()
                .callMethod(CaseService.class, "submitPlan", UUID.class)
                .orShould()
                .callMethod(CaseService.class, "approvePlan", UUID.class, String.class)
                .orShould()
                .callMethod(CaseService.class, "returnPlan", UUID.class, String.class)
                .check(classes);
    }
}
