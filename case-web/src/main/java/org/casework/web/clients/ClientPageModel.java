package org.casework.web.clients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.cases.CaseSource;
import org.casework.core.clients.CategoryFit;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.HouseholdRelation;
import org.casework.core.clients.RegistryReviewService;
import org.casework.core.flags.FlagService;
import org.casework.core.households.Household;
import org.casework.core.households.HouseholdService;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.NotFoundException;
import org.casework.core.shared.RegionCode;
import org.casework.web.assessments.Instruments;
import org.casework.web.cases.CaseRows;
import org.casework.web.cases.OpenCaseForm;
import org.casework.web.flags.FlagRows;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Gathers everything the client page shows, for the page itself and for its forms' error replies. */
@Component
@RequiredArgsConstructor
class ClientPageModel {

    private final ClientService clients;
    private final HouseholdService households;
    private final RegionService regions;
    private final CaseRows caseRows;
    private final FlagService flags;
    private final FlagRows flagRows;
    private final Instruments instruments;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final org.casework.core.visits.VisitScheduleService visits;
    private final org.casework.core.services.ServiceRecordService serviceRecords;
    private final VisitScheduleViews scheduleViews;
    private final RegistryReviewService reviews;
    private final PeopleNames people;

    /** Records listed on the client page; the newest matter for the next visit. */
    static final int RECORDS_SHOWN = 20;

    /** A fellow household member, as the client page lists them. */
    record Member(UUID id, String fullName, HouseholdRelation relation, int age) {}

    void fill(UUID id, Model model) {
        Client client = clients.get(id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute(
                "client",
                ClientView.of(
                        client,
                        client.getHukouRegionCode() == null ? null : place(client.getHukouRegionCode()),
                        place(client.getResidenceRegionCode()),
                        today));
        addHousehold(client, today, model);
        model.addAttribute("history", HistoryEntry.of(clients.history(id), people));
        if (!model.containsAttribute("categoryForm")) {
            CategoryForm form = new CategoryForm();
            form.setValidFrom(today);
            model.addAttribute("categoryForm", form);
        }
        // only the categories that fit this person's age and sex (CategoryFit; core refuses the rest)
        int age = client.ageOn(today);
        List<CategoryType> fitting = CategoryFit.typesFor(age, client.getSex());
        model.addAttribute("categoryTypes", fitting);
        model.addAttribute(
                "subTypeGroups",
                fitting.stream()
                        .filter(CategoryType::needsSubType)
                        .map(t -> Map.entry(t, CategoryFit.subTypesFor(t, age, client.getSex())))
                        .toList());
        model.addAttribute("sources", CategorySource.values());
        model.addAttribute("today", today);
        addCasesAndAssessments(client, model);
        addVisits(client, model);
    }

    /** The visit schedule, the newest records (case-linked ones only for case roles) and the log form. */
    private void addVisits(Client client, Model model) {
        model.addAttribute("schedule", scheduleViews.of(visits.forClient(client.getId())));
        model.addAttribute(
                "records",
                org.casework.web.services.ServiceRecordRow.of(
                        serviceRecords
                                .forClient(
                                        client.getId(),
                                        org.springframework.data.domain.PageRequest.of(0, RECORDS_SHOWN))
                                .getContent(),
                        people));
        model.addAttribute("serviceTypes", org.casework.core.services.ServiceType.values());
        if (!model.containsAttribute("serviceForm")) {
            model.addAttribute("serviceForm", org.casework.web.services.ServiceRecordForm.now(clock));
        }
    }

    /**
     * Village roles see no case files (the service refuses them): no cases panel, and only the
     * assessments made outside a case.
     */
    private void addCasesAndAssessments(Client client, Model model) {
        Actor actor = currentActor.get();
        boolean readsCases = actor.has(Permission.READ_CASES);
        if (readsCases) {
            var found = reviews.forClient(client.getId());
            model.addAttribute("reviews", found);
            // who resolved each review, by name (one lookup for the list)
            model.addAttribute(
                    "reviewers",
                    people.of(found.stream()
                            .map(org.casework.core.clients.RegistryReview::getResolvedBy)
                            .toList()));
            model.addAttribute("cases", caseRows.forClient(client.getId()));
            model.addAttribute("clientFlags", flagRows.of(flags.aboutClient(client.getId()), true));
            model.addAttribute("caseSources", CaseSource.values());
            if (!model.containsAttribute("openCaseForm")) {
                model.addAttribute("openCaseForm", new OpenCaseForm());
            }
        }
        model.addAttribute("assessments", instruments.rowsForClient(client.getId(), readsCases));
        model.addAttribute("instruments", instruments.optionsFor(client.ageOn(LocalDate.now(clock))));
    }

    private void addHousehold(Client client, LocalDate today, Model model) {
        if (client.getHouseholdId() == null) {
            return;
        }
        try {
            Household household = households.get(client.getHouseholdId());
            model.addAttribute("household", household.getName());
            model.addAttribute(
                    "members",
                    clients.membersOf(household.getId()).stream()
                            .filter(m -> !m.getId().equals(client.getId()))
                            .map(m -> new Member(m.getId(), m.getFullName(), m.getRelationToHead(), m.ageOn(today)))
                            .toList());
        } catch (NotFoundException e) {
            // a household registered in another jurisdiction: show the client, not the household
            model.addAttribute("members", List.of());
        }
    }

    private String place(String code) {
        String name = regions.pathName(RegionCode.parse(code));
        return name.isBlank() ? code : name;
    }
}
