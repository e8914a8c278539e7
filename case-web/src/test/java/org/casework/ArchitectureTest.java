package org.casework;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.UUID;
import org.casework.core.cases.CaseService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * The module rules of docs/architecture.md, checked on the compiled classes of all modules (the one
 * architecture test). A rule whose classes are missing fails rather than passing empty
 * ({@code allowEmptyShould(false)}), and every package of ours a rule names must exist
 * ({@link #everyPackageTheRulesNameExists}): a rule about a moved or renamed package cannot go
 * quietly blind.
 */
class ArchitectureTest {

    /** The packages of ours the rules below name (as ArchUnit patterns). */
    static final List<String> NAMED_PACKAGES = List.of(
            "org.casework.core..",
            "org.casework.core.assessments..",
            "org.casework.core.plans..",
            "org.casework.core.cases..",
            "org.casework.core.devices..",
            "org.casework.api..",
            "org.casework.web..",
            "org.casework.sync..",
            "org.casework.sync.client..",
            "org.casework.sync.protocol..",
            "org.casework.sync.server..",
            "org.casework.sync.server.engine..");

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
                .allowEmptyShould(false)
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
                .allowEmptyShould(false)
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
                .allowEmptyShould(false)
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
                .allowEmptyShould(false)
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
                .allowEmptyShould(false)
                .check(classes);
    }

    /**
     * The reference client runs on Android: plain Java, SQLite, the JSON library and the protocol
     * names, nothing of the server.
     */
    @Test
    void syncClientIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("org.casework.sync.client..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax..",
                        "org.sqlite..",
                        "tools.jackson..",
                        "org.casework.sync.client..",
                        "org.casework.sync.protocol..")
                .allowEmptyShould(false)
                .check(classes);
    }

    /**
     * What an Android app takes (the reference client and the protocol records) has nothing of
     * Spring, Tomcat or the servlet API: the artifact must run without a server's libraries.
     */
    @Test
    void syncClientAndProtocolHaveNoSpringOrTomcat() {
        noClasses()
                .that()
                .resideInAnyPackage("org.casework.sync.client..", "org.casework.sync.protocol..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.apache.catalina..", "org.apache.tomcat..", "jakarta.servlet..")
                .allowEmptyShould(false)
                .check(classes);
    }

    /**
     * The sync engine (change log, pull, push, scope, checksums) is the rules, not the wire: no HTTP,
     * servlet or JSON classes; the endpoints around it speak the protocol.
     */
    @Test
    void syncEngineHasNoHttpOrJson() {
        noClasses()
                .that()
                .resideInAPackage("org.casework.sync.server.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "jakarta.servlet..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..")
                .allowEmptyShould(false)
                .check(classes);
    }

    /**
     * The sync engine lives in case-mobile-sync, not in the core: the core keeps only what station
     * pages use (devices, the mutation ledger, sync issues), and nothing in it reaches the engine.
     */
    @Test
    void theCoreDoesNotHoldOrCallTheSyncEngine() {
        noClasses()
                .that()
                .resideInAPackage("org.casework.core..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.casework.sync.server.engine..")
                .orShould()
                .haveSimpleNameEndingWith("ChangeLog")
                .orShould()
                .haveSimpleName("PullService")
                .orShould()
                .haveSimpleName("MutationService")
                .allowEmptyShould(false)
                .check(classes);
    }

    /** The protocol records are plain Java: both the server and the client use them. */
    @Test
    void syncProtocolIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("org.casework.sync.protocol..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.casework.sync.protocol..")
                .allowEmptyShould(false)
                .check(classes);
    }

    /** Pages go through the core services, like every other door, never straight to repositories. */
    @Test
    void pagesDoNotUseRepositories() {
        noClasses()
                .that()
                .resideInAPackage("org.casework.web..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void everyPackageTheRulesNameExists() {
        for (String pattern : NAMED_PACKAGES) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            assertThat(classes.stream()
                            .anyMatch(c -> c.getPackageName().equals(prefix)
                                    || c.getPackageName().startsWith(prefix + ".")))
                    .as("a rule names %s: it must hold classes", pattern)
                    .isTrue();
        }
    }

    /** A rule whose classes are missing (here: a package that does not exist) fails instead of passing empty. */
    @Test
    void aRuleWhoseClassesAreMissingFails() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.casework.mobile..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.casework.web..")
                .allowEmptyShould(false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void coreFeaturesHaveNoCycles() {
        slices().matching("org.casework.core.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("org.casework.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void entitiesStayInsideTheCore() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.casework.core..")
                .should()
                .beAnnotatedWith(Entity.class)
                .allowEmptyShould(false)
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
                .allowEmptyShould(false)
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
                .allowEmptyShould(false)
                .check(classes);
    }
}
