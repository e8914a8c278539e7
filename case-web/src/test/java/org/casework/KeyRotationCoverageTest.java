package org.casework;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.casework.core.shared.EncryptingConverter;
import org.casework.core.shared.FieldCipher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code rotate-key} re-encrypts what it can find: the columns mapped with the encrypting converter
 * and the blind indexes declared as {@code BlindIndexedColumn}. These rules fail the build when code
 * encrypts a value by hand (the rotation would miss it and it would become unreadable under the new
 * key) or computes a blind index that is not declared.
 */
class KeyRotationCoverageTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.casework");
    }

    @Test
    void onlyTheConverterEncryptsFields() {
        noClasses()
                .that()
                .doNotImplement(EncryptingConverter.class)
                .and()
                // the migration that encrypted the clear texts of before, under the key of the day
                .doNotHaveFullyQualifiedName("org.casework.core.shared.FreeTextEncryption")
                .and()
                .resideOutsideOfPackage("org.casework.core.keys..")
                .should()
                .callMethod(FieldCipher.class, "encrypt", String.class)
                .orShould()
                .callMethod(FieldCipher.class, "decrypt", String.class)
                .because("a value encrypted by hand is invisible to rotate-key: map the column with"
                        + " @Convert(converter = EncryptedStringConverter.class) or another EncryptingConverter")
                .check(classes);
    }

    @Test
    void everyBlindIndexIsDeclaredForRotation() {
        noClasses()
                .that()
                // the ID-number index, declared in org.casework.core.clients.IdNumberIndex
                .doNotHaveFullyQualifiedName("org.casework.core.clients.PersonalDataValidator")
                .and()
                .resideOutsideOfPackage("org.casework.core.keys..")
                .should()
                .callMethod(FieldCipher.class, "blindIndex", String.class)
                .because("rotate-key recomputes only declared blind indexes: declare a BlindIndexedColumn bean"
                        + " for the new one, then add the class here")
                .check(classes);
    }
}
