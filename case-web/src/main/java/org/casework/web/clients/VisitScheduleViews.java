package org.casework.web.clients;

import lombok.RequiredArgsConstructor;
import org.casework.core.visits.ClientVisitSchedule;
import org.casework.core.visits.LevelSource;
import org.casework.web.assessments.Instruments;
import org.casework.web.support.Messages;
import org.springframework.stereotype.Component;

/** Puts a visit schedule into words: the rule that sets the due day and the source that sets the level. */
@Component
@RequiredArgsConstructor
public class VisitScheduleViews {

    private final Messages messages;
    private final Instruments instruments;

    public VisitScheduleView of(ClientVisitSchedule s) {
        String triggers =
                s.levelTriggers().isEmpty() ? null : instruments.triggersAnywhere(String.join(",", s.levelTriggers()));
        return new VisitScheduleView(
                s.nextDueOn(),
                s.overdue(),
                s.level(),
                s.lastVisitOn(),
                messages.label("visits.rule", s.rule()),
                drivenBy(s),
                triggers);
    }

    private String drivenBy(ClientVisitSchedule s) {
        LevelSource source = s.levelSource();
        return switch (source) {
            case REGISTRY ->
                messages.text(s.levelTriggers().isEmpty() ? "visits.source.general" : "visits.source.REGISTRY");
            case CASE -> messages.text("visits.source.CASE", s.levelReference());
            case FLAG -> messages.text("visits.source.FLAG", messages.label("flag.type", s.levelReference()));
            case ASSESSMENT -> messages.text("visits.source.ASSESSMENT", instruments.title(s.levelReference()));
        };
    }
}
