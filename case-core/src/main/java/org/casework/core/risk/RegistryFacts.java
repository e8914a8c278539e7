package org.casework.core.risk;

/**
 * What the registry says about a person that the risk and visit rules need.
 *
 * @param childInDifficulty an active 困境儿童 category
 * @param specialDifficultyElderly an active 特困老人 category
 * @param disabledElderly an active 失能老人 category of a person 60 or older
 * @param dispersedExtremePoverty 分散供养特困人员: 特困供养 support while not living in an institution
 * @param elderly the elderly facts, or null for a person under 60
 */
public record RegistryFacts(
        boolean childInDifficulty,
        boolean specialDifficultyElderly,
        boolean disabledElderly,
        boolean dispersedExtremePoverty,
        ElderlyFacts elderly) {

    public static final RegistryFacts NONE = new RegistryFacts(false, false, false, false, null);

    /** Visited at least monthly by law, whatever the level: 特困老人 and dispersed 特困 support. */
    public boolean monthlyByLaw() {
        return specialDifficultyElderly || dispersedExtremePoverty;
    }
}
