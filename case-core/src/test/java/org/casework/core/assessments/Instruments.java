package org.casework.core.assessments;

import java.util.LinkedHashMap;
import java.util.Map;

/** The shipped instruments, loaded once as the server loads them, and answer-map helpers. */
final class Instruments {

    static final InstrumentCatalog CATALOG = new InstrumentCatalog();

    static final InstrumentDefinition GBT42195 = CATALOG.newest("elderly-ability-gbt42195");
    static final InstrumentDefinition TEKUN = CATALOG.newest("tekun-self-care-henan");
    static final InstrumentDefinition CHILD = CATALOG.newest("child-protection");
    static final InstrumentDefinition HOUSEHOLD = CATALOG.newest("household-needs");

    private Instruments() {}

    /** Complete child answers with no concern anywhere: a ten-year-old living with both parents. */
    static Map<String, Object> childWithoutConcern() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Item item : CHILD.items()) {
            if (item.required() && item.type() == ItemType.BOOLEAN) {
                answers.put(item.code(), false);
            }
        }
        answers.put("age_years", 10);
        answers.put("difficulty_subtype", "NONE");
        return answers;
    }

    /** A mutable answer map, for tests to change one answer at a time. */
    static Map<String, Object> answers(Object... codesAndValues) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < codesAndValues.length; i += 2) {
            answers.put((String) codesAndValues[i], codesAndValues[i + 1]);
        }
        return answers;
    }
}
