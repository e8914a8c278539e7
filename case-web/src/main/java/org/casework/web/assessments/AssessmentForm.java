package org.casework.web.assessments;

import java.util.List;
import org.casework.core.assessments.ItemType;

/**
 * The form of one assessment, generated from its instrument version: sections as fieldsets, items
 * with their labels in the user's language, the current (or just typed) value, the shown value of a
 * signed assessment, and the error of the item the service refused.
 */
public record AssessmentForm(String title, List<Section> sections) {

    /** A titled group of items, with the rule that applies to it when the instrument states one. */
    public record Section(String code, String title, String note, List<Item> items) {}

    /** One item; {@code value} is what the input holds, {@code shown} the read-only text. */
    public record Item(
            String code,
            String label,
            ItemType type,
            boolean required,
            List<Option> options,
            String min,
            String max,
            Integer maxLength,
            String value,
            String shown,
            String error) {

        public String inputName() {
            return AssessmentPageController.ANSWER_PREFIX + code;
        }

        public String inputId() {
            return "item-" + code;
        }
    }

    /** An option of a single-choice item, with its score when it has one. */
    public record Option(String code, String label, Integer score) {}
}
