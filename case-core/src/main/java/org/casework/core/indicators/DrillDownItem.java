package org.casework.core.indicators;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One item behind a figure: a client, a flag or a case, with what the list shows (the client's
 * name and village, the level or severity, the date that matters for the figure).
 *
 * @param kind CLIENT, FLAG or CASE: the page the item links to
 * @param label the client's name, or the case number
 * @param level risk or visit level, or the flag's severity (null when unknown)
 * @param state the case state, or whether a flag is triaged
 * @param date the due day, the time raised, or the time closed (China time)
 */
public record DrillDownItem(
        String kind,
        UUID id,
        String label,
        String regionCode,
        String regionName,
        String level,
        String state,
        LocalDateTime date) {}
