package org.casework.core.assessments;

/** The start-up checks policies share: the item exists, has the expected type, is required. */
final class DefinitionChecks {

    private DefinitionChecks() {}

    static Item requireItem(InstrumentDefinition definition, String code, ItemType type, boolean required) {
        Item item = definition
                .item(code)
                .orElseThrow(() -> new InvalidInstrumentException(
                        definition.key() + ": scoring " + definition.scoring() + " needs item '" + code + "'"));
        if (item.type() != type) {
            throw new InvalidInstrumentException(
                    definition.key() + ": item '" + code + "' must be " + type + ", not " + item.type());
        }
        if (required && !item.required()) {
            throw new InvalidInstrumentException(definition.key() + ": item '" + code + "' must be required");
        }
        return item;
    }

    /** A required single choice whose options all carry scores from 0 up to exactly {@code maxScore}. */
    static Item requireScoredChoice(InstrumentDefinition definition, String code, int maxScore) {
        Item item = requireItem(definition, code, ItemType.SINGLE_CHOICE, true);
        if (!item.isFullyScored()) {
            throw new InvalidInstrumentException(
                    definition.key() + ": item '" + code + "' has options without a score; every option needs one");
        }
        if (item.minScore() != 0 || item.maxScore() != maxScore) {
            throw new InvalidInstrumentException(definition.key() + ": item '" + code + "' must score 0 to " + maxScore
                    + ", but its options score " + item.minScore() + " to " + item.maxScore());
        }
        return item;
    }
}
