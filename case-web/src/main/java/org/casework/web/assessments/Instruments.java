package org.casework.web.assessments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.assessments.Assessment;
import org.casework.core.assessments.AssessmentService;
import org.casework.core.assessments.InstrumentCatalog;
import org.casework.core.assessments.InstrumentDefinition;
import org.casework.core.assessments.InstrumentFit;
import org.casework.core.assessments.Item;
import org.casework.web.support.Dates;
import org.casework.web.support.Messages;
import org.springframework.stereotype.Component;

/**
 * Instruments and assessments as pages show them: titles, outcomes and triggers in the user's
 * language. Labels come from the instrument files; outcome and rule names from the message bundles.
 */
@Component
@RequiredArgsConstructor
public class Instruments {

    private final InstrumentCatalog catalog;
    private final AssessmentService assessments;
    private final Messages messages;

    /** The instruments new assessments may use (the newest version of each). */
    public List<InstrumentOption> options() {
        Locale locale = messages.locale();
        return catalog.newest().stream()
                .map(d -> new InstrumentOption(d.code(), d.title().in(locale)))
                .toList();
    }

    /** The instruments that fit a person of this age (no elderly instruments for a child). */
    public List<InstrumentOption> optionsFor(int age) {
        return options().stream().filter(o -> InstrumentFit.fits(o.code(), age)).toList();
    }

    /** A client's assessments, newest first; those of cases only when {@code withCases}. */
    public List<AssessmentRow> rowsForClient(UUID clientId, boolean withCases) {
        return assessments.listForClient(clientId).stream()
                .filter(a -> withCases || a.getCaseId() == null)
                .map(this::row)
                .toList();
    }

    /** The assessments made for one case, newest first. */
    public List<AssessmentRow> rowsForCase(UUID clientId, UUID caseId) {
        return assessments.listForClient(clientId).stream()
                .filter(a -> caseId.equals(a.getCaseId()))
                .map(this::row)
                .toList();
    }

    AssessmentRow row(Assessment a) {
        return new AssessmentRow(
                a.getId(),
                a.getCaseId(),
                assessments.instrumentOf(a).title().in(messages.locale()),
                a.getInstrumentVersion(),
                a.getStatus(),
                a.isComplete(),
                a.getTotalScore(),
                a.getOutcome() == null ? null : messages.label("assessment.outcome", a.getOutcome()),
                a.getProposedRisk(),
                a.isMandatoryReport(),
                a.getSignedBy(),
                a.getSignedAt() == null ? null : Dates.dateTime(a.getSignedAt()),
                Dates.dateTime(a.getCreatedAt()));
    }

    /** The title of an instrument by its code (newest version), or the code when it is unknown. */
    public String title(String code) {
        return catalog.newest().stream()
                .filter(d -> d.code().equals(code))
                .findFirst()
                .map(d -> d.title().in(messages.locale()))
                .orElse(code);
    }

    /**
     * What a trigger means: the label of the item it names in this instrument, else the label of a
     * named rule (e.g. an ability upgrade), else the code itself.
     */
    public String trigger(InstrumentDefinition instrument, String code) {
        return instrument
                .item(code)
                .map(item -> item.label().in(messages.locale()))
                .orElseGet(() -> messages.label("assessment.trigger", code));
    }

    /**
     * Triggers recorded without their instrument (the reason of a proposed risk level), looked up
     * in the newest instruments. A reason that is not a list of known codes (a worker's words when
     * opening the case) is shown as it is.
     */
    public String triggersAnywhere(String codes) {
        if (codes == null || codes.isBlank()) {
            return codes;
        }
        List<String> labels = new ArrayList<>();
        for (String code : codes.split(",")) {
            String label = catalog.newest().stream()
                    .flatMap(d -> d.item(code).stream())
                    .findFirst()
                    .map(Item::label)
                    .map(text -> text.in(messages.locale()))
                    .orElseGet(() -> messages.label("assessment.trigger", code));
            if (label.equals(code)) {
                return codes;
            }
            labels.add(label);
        }
        return String.join(messages.text("list.separator"), labels);
    }
}
