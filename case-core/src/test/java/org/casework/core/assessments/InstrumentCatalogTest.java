package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentCatalogTest {

    /** The smallest valid instrument; tests break one thing at a time. */
    private static final String MINIMAL = """
            {"code": "mini", "version": 1, "title": {"zh": "小", "en": "Mini"}, "scoring": "NONE",
             "sections": [{"code": "s", "title": {"zh": "节", "en": "Section"}, "items": [
               {"code": "colour", "label": {"zh": "颜色", "en": "Colour"}, "type": "SINGLE_CHOICE", "required": true,
                "options": [{"code": "RED", "label": {"zh": "红", "en": "Red"}},
                            {"code": "BLUE", "label": {"zh": "蓝", "en": "Blue"}}]},
               {"code": "note", "label": {"zh": "备注", "en": "Note"}, "type": "TEXT"}]}]}
            """;

    @TempDir
    Path dir;

    private InstrumentCatalog catalogOf(String fileName, String json) throws IOException {
        Files.writeString(dir.resolve(fileName), json, StandardCharsets.UTF_8);
        return new InstrumentCatalog("file:" + dir.toAbsolutePath() + "/*.json", ScoringPolicies.standard());
    }

    private static String shipped(String fileName) throws IOException {
        try (InputStream in = InstrumentCatalogTest.class.getResourceAsStream("/instruments/" + fileName)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void loadsTheFourShippedInstruments() {
        assertThat(Instruments.CATALOG.newest())
                .extracting(InstrumentDefinition::code)
                .containsExactly(
                        "child-protection", "elderly-ability-gbt42195", "household-needs", "tekun-self-care-henan");
        assertThat(Instruments.GBT42195.scoring()).isEqualTo("GBT42195");
        assertThat(Instruments.TEKUN.scoring()).isEqualTo("TEKUN_SELF_CARE");
        assertThat(Instruments.CHILD.scoring()).isEqualTo("CHILD_RISK");
        assertThat(Instruments.HOUSEHOLD.scoring()).isEqualTo("NONE");
    }

    @Test
    void theShippedElderlyInstrumentHas26ScoredItemsWorth90Points() {
        int total = Gbt42195AbilityPolicy.SCORED_ITEMS.keySet().stream()
                .mapToInt(code -> Instruments.GBT42195.item(code).orElseThrow().maxScore())
                .sum();
        assertThat(Gbt42195AbilityPolicy.SCORED_ITEMS).hasSize(26);
        assertThat(total).isEqualTo(90);
    }

    @Test
    void aNewVersionIsANewFileAndBecomesTheNewest() throws IOException {
        catalogOf("mini.v1.json", MINIMAL);
        InstrumentCatalog catalog = catalogOf("mini.v2.json", MINIMAL.replace("\"version\": 1", "\"version\": 2"));

        assertThat(catalog.newest("mini").version()).isEqualTo(2);
        assertThat(catalog.find(new InstrumentKey("mini", 1))).isPresent();
    }

    @Test
    void refusesAnUnknownInstrumentCode() {
        assertThatThrownBy(() -> Instruments.CATALOG.newest("no-such-thing"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.instrument.unknown")
                .extracting("field")
                .isEqualTo("instrumentCode");
    }

    @Test
    void refusesDuplicateItemCodesNamingFileAndItem() {
        String json = MINIMAL.replace("\"code\": \"note\"", "\"code\": \"colour\"");
        assertThatThrownBy(() -> catalogOf("mini.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("instruments/mini.v1.json")
                .hasMessageContaining("item code 'colour' is duplicated");
    }

    @Test
    void refusesDuplicateOptionCodes() {
        String json = MINIMAL.replace("\"code\": \"BLUE\"", "\"code\": \"RED\"");
        assertThatThrownBy(() -> catalogOf("mini.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("item 'colour'")
                .hasMessageContaining("option code 'RED' is duplicated");
    }

    @Test
    void refusesAnUnknownScoringMethod() {
        String json = MINIMAL.replace("\"NONE\"", "\"MAGIC\"");
        assertThatThrownBy(() -> catalogOf("mini.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("instruments/mini.v1.json")
                .hasMessageContaining("unknown scoring method 'MAGIC'");
    }

    @Test
    void refusesAnUnknownItemType() {
        String json = MINIMAL.replace("\"TEXT\"", "\"ESSAY\"");
        assertThatThrownBy(() -> catalogOf("mini.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("item 'note': unknown type 'ESSAY'");
    }

    @Test
    void refusesAMisspelledFieldInsteadOfIgnoringIt() {
        String json = MINIMAL.replace("\"required\": true", "\"requried\": true");
        assertThatThrownBy(() -> catalogOf("mini.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("unknown field 'requried'");
    }

    @Test
    void refusesADuplicateJsonKey() {
        String json = MINIMAL.replace("\"version\": 1,", "\"version\": 1, \"version\": 2,");
        assertThatThrownBy(() -> catalogOf("mini.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void refusesAFileNamedAfterAnotherVersion() {
        assertThatThrownBy(() -> catalogOf("mini.v2.json", MINIMAL))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("instruments/mini.v2.json")
                .hasMessageContaining("must be named mini.v1.json");
    }

    @Test
    void refusesALabelWithoutEnglish() {
        String json = MINIMAL.replace(", \"en\": \"Note\"", "");
        assertThatThrownBy(() -> catalogOf("mini.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("item 'note'")
                .hasMessageContaining("English label");
    }

    @Test
    void refusesASingleChoiceWithOneOption() {
        String json = MINIMAL.replaceAll(",\\s*\\{\"code\": \"BLUE\"[^}]*}}", "");
        assertThatThrownBy(() -> catalogOf("mini.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("item 'colour': a single choice needs at least two options");
    }

    @Test
    void refusesAnElderlyInstrumentWithAnUnscoredOption() throws IOException {
        String json = shipped("elderly-ability-gbt42195.v1.json")
                .replaceFirst("(\"code\": \"stairs\"[\\s\\S]*?),\\s*\"score\": 3", "$1");
        assertThatThrownBy(() -> catalogOf("elderly-ability-gbt42195.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("instruments/elderly-ability-gbt42195.v1.json")
                .hasMessageContaining("item 'stairs' has options without a score");
    }

    @Test
    void refusesAnElderlyInstrumentWhoseItemDoesNotScoreAsTheStandardSays() throws IOException {
        String json = shipped("elderly-ability-gbt42195.v1.json").replace("\"score\": 2", "\"score\": 7");
        assertThatThrownBy(() -> catalogOf("elderly-ability-gbt42195.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("must score 0 to 4, but its options score 0 to 7");
    }

    @Test
    void refusesAnElderlyInstrumentWithoutAnItemTheRulesRead() throws IOException {
        String json = shipped("elderly-ability-gbt42195.v1.json")
                .replace("\"code\": \"care_risk_events_30d\"", "\"code\": \"events\"");
        assertThatThrownBy(() -> catalogOf("elderly-ability-gbt42195.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("needs item 'care_risk_events_30d'");
    }

    @Test
    void refusesAChildInstrumentWhereAMandatoryReportItemIsOptional() throws IOException {
        String json = shipped("child-protection.v1.json")
                .replaceFirst(
                        "(\"code\": \"mr_organised_begging\"[\\s\\S]*?\"type\": \"BOOLEAN\"),\\s*\"required\": true",
                        "$1");
        assertThatThrownBy(() -> catalogOf("child-protection.v1.json", json))
                .isInstanceOf(InvalidInstrumentException.class)
                .hasMessageContaining("item 'mr_organised_begging' must be required");
    }
}
