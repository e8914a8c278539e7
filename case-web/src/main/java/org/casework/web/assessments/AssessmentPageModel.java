package org.casework.web.assessments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.casework.core.assessments.Assessment;
import org.casework.core.assessments.AssessmentService;
import org.casework.core.assessments.ChoiceOption;
import org.casework.core.assessments.InstrumentDefinition;
import org.casework.core.assessments.Item;
import org.casework.core.assessments.ScoringResult;
import org.casework.core.cases.CaseService;
import org.casework.core.clients.ClientService;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.NotFoundException;
import org.casework.web.support.Dates;
import org.casework.web.support.Messages;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Builds the assessment page: the form generated from the assessment's instrument version (every
 * item by its type, labels in the user's language), the result and the header.
 */
@Component
@RequiredArgsConstructor
class AssessmentPageModel {

    private final AssessmentService assessments;
    private final org.casework.core.accounts.PeopleNames people;
    private final ClientService clients;
    private final CaseService cases;
    private final CurrentActor currentActor;
    private final Instruments instruments;
    private final Messages messages;
    private final PoliceReportAlarms policeReports;

    /** What the user typed, to show again after a refusal (null: show what is stored). */
    record Typed(Map<String, String> answers, String summary, String errorItem, String error) {}

    void fill(Assessment assessment, Typed typed, Model model) {
        InstrumentDefinition instrument = assessments.instrumentOf(assessment);
        Locale locale = messages.locale();
        String title = instrument.title().in(locale);
        model.addAttribute("assessment", header(assessment, title, typed));
        model.addAttribute("form", new AssessmentForm(title, sections(instrument, assessment, typed, locale)));
        ScoringResult result = assessment.result();
        model.addAttribute(
                "result",
                result == null
                        ? null
                        : new AssessmentResult(
                                result.totalScore(),
                                result.outcome() == null
                                        ? null
                                        : messages.label("assessment.outcome", result.outcome()),
                                result.proposedRisk(),
                                result.mandatoryReport(),
                                result.triggers().stream()
                                        .map(code -> instruments.trigger(instrument, code))
                                        .toList(),
                                result.notes().stream().map(this::note).toList()));
        boolean caseReports = result != null
                && result.mandatoryReport()
                && assessment.getCaseId() != null
                && currentActor.get().has(Permission.READ_CASES);
        model.addAttribute("policeReport", caseReports ? policeReport(assessment) : null);
        if (typed != null && typed.error() != null) {
            model.addAttribute("formError", typed.error());
            model.addAttribute("formErrorItem", typed.errorItem());
        }
    }

    /** Where the case's police report stands; none when the case stayed in another township. */
    private PoliceReportAlarm policeReport(Assessment assessment) {
        try {
            return policeReports.forAssessment(assessment);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** A result note {@code code[:argument]}, e.g. {@code age_from_birth_date:14}, in words. */
    private String note(String note) {
        int colon = note.indexOf(':');
        return colon < 0
                ? messages.text("assessment.note." + note)
                : messages.text("assessment.note." + note.substring(0, colon), note.substring(colon + 1));
    }

    private AssessmentView header(Assessment a, String title, Typed typed) {
        String caseNumber = null;
        if (a.getCaseId() != null && currentActor.get().has(Permission.READ_CASES)) {
            try {
                caseNumber = cases.get(a.getCaseId()).getCaseNumber();
            } catch (NotFoundException e) {
                // the client moved to another township: the case stayed where it was opened
            }
        }
        return new AssessmentView(
                a.getId(),
                a.getVersion() == null ? 0 : a.getVersion(),
                a.getInstrumentCode(),
                a.getInstrumentVersion(),
                title,
                a.getClientId(),
                clients.get(a.getClientId()).getFullName(),
                caseNumber == null ? null : a.getCaseId(),
                caseNumber,
                a.getStatus(),
                typed != null ? typed.summary() : a.getSummary(),
                a.getSignedBy() == null
                        ? null
                        : people.of(List.of(a.getSignedBy())).of(a.getSignedBy()),
                a.getSignedAt() == null ? null : Dates.dateTime(a.getSignedAt()),
                a.getSupersedes());
    }

    private List<AssessmentForm.Section> sections(
            InstrumentDefinition instrument, Assessment a, Typed typed, Locale locale) {
        return instrument.sections().stream()
                .map(s -> new AssessmentForm.Section(
                        s.code(),
                        s.title().in(locale),
                        s.note() == null ? null : s.note().in(locale),
                        s.items().stream().map(i -> item(i, a, typed, locale)).toList()))
                .toList();
    }

    private AssessmentForm.Item item(Item item, Assessment a, Typed typed, Locale locale) {
        String value = typed != null
                ? typed.answers().get(item.code())
                : asText(a.getAnswers().get(item.code()));
        return new AssessmentForm.Item(
                item.code(),
                item.label().in(locale),
                item.type(),
                item.required(),
                item.options().stream()
                        .map(o -> new AssessmentForm.Option(o.code(), o.label().in(locale), o.score()))
                        .toList(),
                item.min() == null ? null : item.min().toPlainString(),
                item.max() == null ? null : item.max().toPlainString(),
                item.maxLength(),
                value,
                shown(item, value, locale),
                typed != null && item.code().equals(typed.errorItem()) ? typed.error() : null);
    }

    private String shown(Item item, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        return switch (item.type()) {
            case BOOLEAN -> messages.text(Boolean.parseBoolean(value) ? "common.yes" : "common.no");
            case SINGLE_CHOICE ->
                item.option(value)
                        .map(ChoiceOption::label)
                        .map(l -> l.in(locale))
                        .orElse(value);
            default -> value;
        };
    }

    /** Stored answers as the inputs hold them: numbers in plain notation, dates as yyyy-MM-dd. */
    static String asText(Object stored) {
        if (stored == null) {
            return null;
        }
        return stored instanceof BigDecimal number ? number.toPlainString() : stored.toString();
    }
}
