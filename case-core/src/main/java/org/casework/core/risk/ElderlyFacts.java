package org.casework.core.risk;

/**
 * What the elderly rules look at. Registry facts are always known; assessment facts only after a
 * GB/T 42195 assessment (null or false until then).
 *
 * @param age completed years today, from the registry birth date
 * @param livesAlone 独居: the living arrangement or the 独居 category says so
 * @param abilityLevel the GB/T 42195 level number (0 intact … 4 total loss), or null when not assessed
 * @param dementia diagnosed dementia or mental disorder
 * @param careRiskEvents30d falls, choking, self-harm, wandering in the last 30 days
 * @param aloneInDanger the assessor found the person alone and in danger (no water, heat or food, injured
 *     with nobody to call …), whatever the registry says about how they live
 */
public record ElderlyFacts(
        int age,
        boolean livesAlone,
        Integer abilityLevel,
        boolean dementia,
        int careRiskEvents30d,
        boolean aloneInDanger) {

    /** What the registry alone tells. */
    public static ElderlyFacts registry(int age, boolean livesAlone) {
        return new ElderlyFacts(age, livesAlone, null, false, 0, false);
    }
}
