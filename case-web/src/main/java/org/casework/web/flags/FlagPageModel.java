package org.casework.web.flags;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.AccountService;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.clients.CategoryFit;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientSearch;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.Sex;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagOutcome;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.MandatoryReport;
import org.casework.core.flags.MandatoryReportService;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.RiskLevel;
import org.casework.web.support.Dates;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Gathers what the flag page shows, for the page and for its forms' error replies. The reporter
 * sees what they sent, the notes and the outcome; station staff also the reporter (marked
 * confidential), the deadlines, the photo, the mandatory report and the triage form.
 */
@Component
@RequiredArgsConstructor
class FlagPageModel {

    /** Pickers list at most this many registry children of the village, or open cases of the area. */
    static final int CHOICES = 300;

    private final FlagService flags;
    private final MandatoryReportService reports;
    private final FlagRows rows;
    private final ClientService clients;
    private final CaseService cases;
    private final AccountService accounts;
    private final PeopleNames people;
    private final Clock clock;

    /** A recorded mandatory report, with its times in China's time. */
    record ReportView(
            String reportedAt,
            String receivingUnit,
            String officer,
            String receiptNumber,
            String reportedBy,
            String civilAffairsNotifiedAt,
            String minorProtectionNotifiedAt,
            String recordedBy,
            String recordedAt) {

        static ReportView of(MandatoryReport r) {
            return new ReportView(
                    Dates.dateTime(r.getReportedAt()),
                    r.getReceivingUnit(),
                    r.getOfficer(),
                    r.getReceiptNumber(),
                    r.getReportedBy(),
                    Dates.dateTime(r.getCivilAffairsNotifiedAt()),
                    Dates.dateTime(r.getMinorProtectionNotifiedAt()),
                    r.getRecordedBy(),
                    Dates.dateTime(r.getRecordedAt()));
        }
    }

    /** A note, with its time in China's time. */
    record NoteView(String text, String writtenBy, String writtenAt) {}

    /** A choice in a picker: a registry child or an open case. */
    record Option(UUID id, String label) {}

    void fill(UUID id, Model model) {
        Flag flag = flags.get(id);
        boolean staff = flags.isStaffView(flag);
        String reporter = null;
        if (staff) {
            reporter = accounts.staffNames(Set.of(flag.getReporterId()))
                    .getOrDefault(flag.getReporterId(), flag.getReporterUsername());
        }
        FlagDetail detail =
                FlagDetail.of(rows.of(flag, staff), flag, staff && flags.hasPhoto(flag.getId()), reporter, staff);
        model.addAttribute("flag", detail);
        model.addAttribute("staff", staff);
        var notes = flags.notes(id);
        List<String> logins = new ArrayList<>();
        logins.add(flag.getTriagedBy());
        notes.forEach(n -> logins.add(n.getWrittenBy()));
        if (staff && (flag.isMandatoryReport() || flag.getSeverity() == RiskLevel.RED)) {
            reports.forFlag(flag.getId()).ifPresent(r -> logins.add(r.getRecordedBy()));
        }
        // who triaged, wrote and recorded, by display name: one query for the whole page
        model.addAttribute("people", people.of(logins));
        model.addAttribute(
                "notes",
                notes.stream()
                        .map(n -> new NoteView(n.getText(), n.getWrittenBy(), Dates.dateTime(n.getWrittenAt())))
                        .toList());
        if (staff) {
            addStaffParts(flag, model);
        }
    }

    private void addStaffParts(Flag flag, Model model) {
        // the nine situations must be reported before triage; any other red flag is to be reported
        // to the police the same day too (product rules), so its report is recorded here as well
        boolean reportable = flag.isMandatoryReport() || flag.getSeverity() == RiskLevel.RED;
        Optional<MandatoryReport> report = reportable ? reports.forFlag(flag.getId()) : Optional.empty();
        model.addAttribute("reportable", reportable);
        model.addAttribute("report", report.map(ReportView::of).orElse(null));
        model.addAttribute("triageLocked", flag.isMandatoryReport() && report.isEmpty());
        if (!model.containsAttribute("reportForm")) {
            MandatoryReportForm form = new MandatoryReportForm();
            form.setReportedBy(accounts.currentDisplayName());
            model.addAttribute("reportForm", form);
        }
        if (!flag.isUntriaged()) {
            return;
        }
        if (!model.containsAttribute("triageForm")) {
            TriageForm form = new TriageForm();
            form.setVersion(flag.getVersion() == null ? 0 : flag.getVersion());
            form.setClientId(flag.getClientId());
            model.addAttribute("triageForm", form);
        }
        model.addAttribute("outcomes", FlagOutcome.values());
        model.addAttribute("childChoices", children(flag));
        model.addAttribute("caseChoices", openCases(flag));
        // a flag is about a minor: offer the categories that fit the child (core checks the registry child)
        int age = childAge(flag);
        Sex sex = flag.getSubjectSex();
        List<CategoryType> fitting = sex == null
                ? Arrays.stream(CategoryType.values())
                        .filter(t -> CategoryFit.fits(t, age, Sex.MALE) || CategoryFit.fits(t, age, Sex.FEMALE))
                        .toList()
                : CategoryFit.typesFor(age, sex);
        model.addAttribute("categoryTypes", fitting);
        model.addAttribute(
                "subTypeGroups",
                fitting.stream()
                        .filter(CategoryType::needsSubType)
                        .map(t -> Map.entry(
                                t,
                                CategorySubType.of(t).stream()
                                        .filter(s -> CategoryFit.fits(s, age, sex == null ? Sex.FEMALE : sex))
                                        .toList()))
                        .toList());
        model.addAttribute(
                "nowLocal",
                FlagForm.localDateTime(
                        ZonedDateTime.now(clock.withZone(ChinaTime.ZONE)).toLocalDateTime()));
    }

    /** The child's age: from the registry when the flag names a registry child, else as reported. */
    private int childAge(Flag flag) {
        if (flag.getClientId() != null) {
            return clients.get(flag.getClientId()).ageOn(LocalDate.now(clock));
        }
        return flag.getSubjectAgeYears() == null ? CategoryFit.ADULT_AGE - 1 : flag.getSubjectAgeYears();
    }

    /** Minors registered in the flag's village, the flag's own child first. */
    private List<FlagRaiseController.ChildOption> children(Flag flag) {
        LocalDate today = LocalDate.now(clock);
        List<Client> found = clients.search(
                        new ClientSearch(null, flag.getVillageCode(), null),
                        PageRequest.of(0, CHOICES, Sort.by("namePinyin", "id")))
                .getContent();
        java.util.ArrayList<FlagRaiseController.ChildOption> options = new java.util.ArrayList<>();
        found.stream()
                .filter(c -> c.ageOn(today) < 18)
                .sorted((a, b) -> Boolean.compare(
                        !a.getId().equals(flag.getClientId()), !b.getId().equals(flag.getClientId())))
                .forEach(c ->
                        options.add(new FlagRaiseController.ChildOption(c.getId(), c.getFullName(), c.ageOn(today))));
        return options;
    }

    /** The open cases of the flag's child, or when the flag is about a new child, of the whole area. */
    private List<Option> openCases(Flag flag) {
        List<CaseFile> open = flag.getClientId() != null
                ? cases.forClient(flag.getClientId()).stream()
                        .filter(c -> c.getState().isOpen())
                        .toList()
                : cases.search(true, null, PageRequest.of(0, CHOICES)).getContent();
        Map<UUID, String> names = clients.namesOf(
                open.stream().map(CaseFile::getPrimaryClientId).collect(java.util.stream.Collectors.toSet()));
        return open.stream()
                .map(c -> new Option(
                        c.getId(), c.getCaseNumber() + " · " + names.getOrDefault(c.getPrimaryClientId(), "")))
                .toList();
    }
}
