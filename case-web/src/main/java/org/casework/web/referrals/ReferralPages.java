package org.casework.web.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.organisations.OrganisationService;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralProgressNote;
import org.casework.core.referrals.ReferralResult;
import org.casework.core.referrals.ReferralService;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.SharedField;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.web.support.Dates;
import org.casework.web.support.Messages;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Builds the referral detail page: what the viewer may see of it and the steps they may take. */
@Component
@RequiredArgsConstructor
class ReferralPages {

    static final String ACCEPT = "accept";
    static final String DECLINE = "decline";
    static final String START = "start";
    static final String PROGRESS = "progress";
    static final String COMPLETE = "complete";
    static final String RETURN = "return";
    static final String REVOKE = "revoke";
    static final String RE_REFER = "re-refer";

    private final ReferralService referrals;
    private final CurrentActor currentActor;
    private final Messages messages;
    private final Clock clock;
    private final PeopleNames people;
    private final OrganisationService organisations;

    void fillDetail(UUID id, Model model) {
        Referral referral = referrals.get(id);
        boolean receiver = referrals.viewsAsReceiver();
        Map<UUID, String> names = referrals.organisationNames(ReferralRow.organisationsOf(List.of(referral)));
        List<ReferralProgressNote> notes = referrals.progressNotes(id);
        DisplayNames who = people.of(loginsOf(referral, notes));
        model.addAttribute("referral", view(referral, receiver, names, who, notes, clock.instant()));
        UUID reReferral = referrals.reReferralOf(id).orElse(null);
        model.addAttribute("reReferral", reReferral);
        model.addAttribute(
                "actions",
                actionsFor(referral, currentActor.get()).stream()
                        .filter(a -> reReferral == null || !RE_REFER.equals(a))
                        .toList());
        model.addAttribute("asReceiver", receiver);
        model.addAttribute("results", ReferralResult.values());
        // the office line a liaison calls back on (the station head keeps it on the station page)
        model.addAttribute(
                "senderPhone",
                organisations.get(referral.getSendingOrganisationId()).getContactPhone());
    }

    /** The steps this viewer may take now: the receiver responds, the sender revokes or re-refers. */
    static List<String> actionsFor(Referral referral, Actor me) {
        ReferralStatus status = referral.getStatus();
        if (me.has(Permission.HANDLE_REFERRALS)) {
            return switch (status) {
                case SENT -> List.of(ACCEPT, DECLINE);
                case ACCEPTED -> List.of(START, PROGRESS, RETURN);
                case IN_PROGRESS -> List.of(PROGRESS, COMPLETE, RETURN);
                default -> List.of();
            };
        }
        if (!me.has(Permission.WRITE_CASES)) {
            return List.of();
        }
        if (referral.isOpen()) {
            return List.of(REVOKE);
        }
        return status == ReferralStatus.DECLINED || status == ReferralStatus.RETURNED ? List.of(RE_REFER) : List.of();
    }

    /** Everyone the detail page names: the sender, whoever took a step, the authors of notes. */
    private static List<String> loginsOf(Referral r, List<ReferralProgressNote> notes) {
        List<String> logins = new ArrayList<>(List.of(r.getSentBy()));
        events(r, DisplayNames.NONE).forEach(e -> logins.add(e.by()));
        notes.forEach(n -> logins.add(n.getAuthor()));
        return logins;
    }

    private ReferralView view(
            Referral r,
            boolean receiver,
            Map<UUID, String> names,
            DisplayNames who,
            List<ReferralProgressNote> notes,
            Instant now) {
        List<ReferralView.Shared> shared = new ArrayList<>();
        r.shared().forEach((field, value) -> shared.add(new ReferralView.Shared(field, display(field, value))));
        return new ReferralView(
                r.getId(),
                r.getVersion() == null ? 0 : r.getVersion(),
                r.getStatus(),
                r.getUrgency(),
                receiver ? null : r.getCaseId(),
                receiver ? null : r.getPreviousReferralId(),
                names.getOrDefault(r.getSendingOrganisationId(), "—"),
                who.of(r.getSentBy()),
                Dates.dateTime(r.getSentAt()),
                names.getOrDefault(r.getReceivingOrganisationId(), "—"),
                Dates.dateTime(r.getResponseDueAt()),
                r.isOverdue(now),
                r.getEscalatedAt() == null ? null : Dates.dateTime(r.getEscalatedAt()),
                r.getReason(),
                r.getServicesRequested(),
                r.getConsent().getBasis(),
                receiver ? null : r.getConsent().getConsentedBy(),
                r.getConsent().getConsentedOn() == null
                        ? null
                        : r.getConsent().getConsentedOn().toString(),
                receiver ? null : r.getConsent().getOverrideReason(),
                shared,
                events(r, who),
                r.getOutcome(),
                r.getResult(),
                notes.stream()
                        .map(n -> new ReferralView.Event(
                                Dates.dateTime(n.getCreatedAt()), who.of(n.getAuthor()), null, n.getText()))
                        .toList());
    }

    private static List<ReferralView.Event> events(Referral r, DisplayNames who) {
        List<ReferralView.Event> events = new ArrayList<>();
        events.add(new ReferralView.Event(Dates.dateTime(r.getSentAt()), who.of(r.getSentBy()), "SENT", null));
        add(events, r.getEscalatedAt(), "system", "ESCALATED", null);
        add(events, r.getAcceptedAt(), who.of(r.getAcceptedBy()), "ACCEPTED", null);
        add(events, r.getDeclinedAt(), who.of(r.getDeclinedBy()), "DECLINED", r.getDeclineReason());
        add(events, r.getStartedAt(), who.of(r.getStartedBy()), "IN_PROGRESS", null);
        add(events, r.getCompletedAt(), who.of(r.getCompletedBy()), "COMPLETED", null);
        add(events, r.getReturnedAt(), who.of(r.getReturnedBy()), "RETURNED", r.getReturnReason());
        add(events, r.getRevokedAt(), who.of(r.getRevokedBy()), "REVOKED", r.getRevokeReason());
        return events;
    }

    private static void add(List<ReferralView.Event> events, Instant at, String by, String key, String text) {
        if (at != null) {
            events.add(new ReferralView.Event(Dates.dateTime(at), by, key, text));
        }
    }

    /** Codes get their labels; a field the registry had no value for says so. */
    private String display(SharedField field, String value) {
        if (value == null) {
            return messages.text("referral.shared.none");
        }
        return switch (field) {
            case SEX -> messages.label("sex", value);
            case AGE -> messages.text("referral.shared.age", value);
            case RISK_LEVEL -> messages.label("risk", value);
            case CATEGORIES ->
                Arrays.stream(value.split(","))
                        .map(c -> messages.label("category", c))
                        .collect(Collectors.joining("、"));
            default -> value;
        };
    }
}
