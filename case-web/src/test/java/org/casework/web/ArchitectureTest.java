package org.casework.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/** Pages go through the core services, like every other door, and never through the API or sync. */
@AnalyzeClasses(packages = "org.casework", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule pagesDoNotUseTheApiOrSync = noClasses()
            .that()
            .resideInAPackage("org.casework.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.casework.api..", "org.casework.sync..", "org.casework.mobile..");

    @ArchTest
    static final ArchRule pagesDoNotUseRepositories = noClasses()
            .that()
            .resideInAPackage("org.casework.web..")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(Repository.class);
}
