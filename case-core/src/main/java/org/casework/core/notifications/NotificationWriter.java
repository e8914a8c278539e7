package org.casework.core.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.RepeatedLoginFailures;
import org.casework.core.accounts.UserAccount;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.audit.RevealLimitReached;
import org.casework.core.cases.ApprovalDecided;
import org.casework.core.cases.ApprovalKind;
import org.casework.core.cases.ApprovalRequested;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseRepository;
import org.casework.core.cases.CaseTransition;
import org.casework.core.cases.RiskLowered;
import org.casework.core.clients.PhoneNumber;
import org.casework.core.clients.RegistryReviewOpened;
import org.casework.core.flags.FlagEscalated;
import org.casework.core.flags.FlagRaised;
import org.casework.core.flags.FlagSubjects;
import org.casework.core.flags.FlagTriaged;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationRepository;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralEscalated;
import org.casework.core.referrals.ReferralRepository;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralStatusChanged;
import org.casework.core.regions.Region;
import org.casework.core.regions.RegionRepository;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the inbox rows for the events of flags, referrals, approvals and repeated login failures. A plain listener, so it
 * runs inside the transaction that published the event: the rows commit with the change, and are
 * never there when it rolls back. SMS alerts (red flags, escalations) are handed to
 * {@link SmsDispatcher}, which sends them only after the commit.
 */
@Component
@RequiredArgsConstructor
class NotificationWriter {

    /** SMS go out in the county's language, whoever reads them. */
    private static final Locale SMS_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final NotificationRecipients recipients;
    private final NotificationRepository notifications;
    private final UserAccountRepository users;
    private final RegionRepository regions;
    private final OrganisationRepository organisations;
    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final FlagSubjects flagSubjects;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @EventListener
    void on(FlagRaised event) {
        List<UserAccount> to = recipients.flagRaised(event);
        List<MessageArg> args = List.of(village(event.village()), severity(event.severity()), flagType(event.flagId()));
        write(to, NotificationKind.FLAG_RAISED, event.flagId(), args);
        if (event.severity() == RiskLevel.RED) {
            sms(to, NotificationKind.FLAG_RAISED, args);
        }
    }

    @EventListener
    void on(FlagTriaged event) {
        write(
                recipients.flagTriaged(event, actorId()),
                NotificationKind.FLAG_TRIAGED,
                event.flagId(),
                List.of(
                        village(event.village()),
                        MessageArg.key("notification.outcome." + event.outcome()),
                        flagType(event.flagId())));
    }

    @EventListener
    void on(FlagEscalated event) {
        List<UserAccount> to = recipients.flagEscalated(event);
        List<MessageArg> args = List.of(
                village(event.village()),
                severity(event.severity()),
                MessageArg.key("notification.tier." + event.tier()),
                flagType(event.flagId()));
        write(to, NotificationKind.FLAG_ESCALATED, event.flagId(), args);
        sms(to, NotificationKind.FLAG_ESCALATED, args);
    }

    @EventListener
    void on(ReferralStatusChanged event) {
        List<UserAccount> to = recipients.referralStatusChanged(event, actorId());
        if (event.status() == ReferralStatus.SENT) {
            write(
                    to,
                    NotificationKind.REFERRAL_RECEIVED,
                    event.referralId(),
                    List.of(organisation(event.sendingOrganisationId()), referralSubject(event)));
        } else {
            // the liaisons hear of a revocation from the sender; the sender of the receiver's answer
            UUID other = event.status() == ReferralStatus.REVOKED
                    ? event.sendingOrganisationId()
                    : event.receivingOrganisationId();
            List<MessageArg> args = List.of(
                    organisation(other), ReferralUpdateCollapse.statusArg(event.status()), referralSubject(event));
            writeOrCollapse(to, event.referralId(), event.status(), args);
        }
    }

    /** A later step of the same referral replaces an unread notice of minutes ago (see the rule). */
    private void writeOrCollapse(List<UserAccount> to, UUID referralId, ReferralStatus status, List<MessageArg> args) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReferralUpdateCollapse collapse = new ReferralUpdateCollapse(clock);
        for (UserAccount user : to) {
            Optional<Notification> previous =
                    notifications.findFirstByRecipientIdAndKindAndSubjectIdOrderByOccurredAtDesc(
                            user.getId(), NotificationKind.REFERRAL_STATUS_CHANGED, referralId);
            if (previous.isPresent() && collapse.replaces(previous.get(), status)) {
                previous.get().supersede(args, now);
            } else {
                notifications.save(new Notification(
                        user.getId(), NotificationKind.REFERRAL_STATUS_CHANGED, referralId, args, now));
            }
        }
    }

    /** What a referral is about, for its notices: the case number, or the village of the flag it came from. */
    private MessageArg referralSubject(ReferralStatusChanged event) {
        if (event.caseId() != null) {
            return cases.findById(event.caseId())
                    .map(c -> MessageArg.text(c.getCaseNumber()))
                    .orElse(MessageArg.text("—"));
        }
        return referrals
                .findById(event.referralId())
                .map(Referral::getFlagId)
                .flatMap(flagSubjects::of)
                .map(f -> village(f.village()))
                .orElse(MessageArg.text("—"));
    }

    private MessageArg flagType(UUID flagId) {
        return flagSubjects
                .of(flagId)
                .map(f -> MessageArg.key("flag.type." + f.type()))
                .orElse(MessageArg.text("—"));
    }

    @EventListener
    void on(ReferralEscalated event) {
        List<UserAccount> to = recipients.referralEscalated(event);
        List<MessageArg> args = List.of(
                organisation(event.receivingOrganisationId()),
                referrals
                        .findById(event.referralId())
                        .map(r -> r.getCaseId() == null
                                ? null
                                : cases.findById(r.getCaseId())
                                        .map(CaseFile::getCaseNumber)
                                        .orElse(null))
                        .map(MessageArg::text)
                        .orElse(MessageArg.text("—")));
        write(to, NotificationKind.REFERRAL_ESCALATED, event.referralId(), args);
        sms(to, NotificationKind.REFERRAL_ESCALATED, args);
    }

    @EventListener
    void on(ApprovalRequested event) {
        cases.findById(event.caseId())
                .ifPresent(caseFile -> write(
                        recipients.approvalRequested(caseFile.getRegionCode(), event.requestedBy()),
                        NotificationKind.APPROVAL_REQUESTED,
                        caseFile.getId(),
                        List.of(MessageArg.text(caseFile.getCaseNumber()), approvalKind(event.kind()))));
    }

    @EventListener
    void on(ApprovalDecided event) {
        cases.findById(event.caseId())
                .ifPresent(caseFile -> write(
                        recipients.approvalDecided(
                                caseFile.getAssignedWorkerId(), requester(caseFile, event.kind()), event.decidedBy()),
                        NotificationKind.APPROVAL_DECIDED,
                        caseFile.getId(),
                        List.of(
                                MessageArg.text(caseFile.getCaseNumber()),
                                approvalKind(event.kind()),
                                MessageArg.key(
                                        "notification.decision." + (event.approved() ? "approved" : "returned")))));
    }

    /** Only the account's own user is told; the attacker, if it is one, learns nothing. */
    @EventListener
    void on(RepeatedLoginFailures event) {
        users.findById(event.userId())
                .ifPresent(user -> write(
                        List.of(user),
                        NotificationKind.LOGIN_FAILURES,
                        user.getId(),
                        List.of(MessageArg.text(String.valueOf(event.failures())))));
    }

    @EventListener
    void on(RiskLowered event) {
        cases.findById(event.caseId())
                .ifPresent(caseFile -> write(
                        recipients.riskLowered(caseFile.getRegionCode(), event.decidedBy()),
                        NotificationKind.RISK_LOWERED,
                        caseFile.getId(),
                        List.of(
                                MessageArg.text(caseFile.getCaseNumber()),
                                severity(event.from()),
                                severity(event.to()))));
    }

    @EventListener
    void on(RegistryReviewOpened event) {
        write(
                recipients.registryReview(event.village()),
                NotificationKind.REGISTRY_REVIEW,
                event.clientId(),
                List.of(village(event.village()), MessageArg.key("registry.review.kind." + event.kind())));
    }

    @EventListener
    void on(RevealLimitReached event) {
        write(
                recipients.revealLimitReached(event),
                NotificationKind.REVEAL_LIMIT_REACHED,
                event.userId(),
                List.of(
                        MessageArg.text(who(event)),
                        MessageArg.text(String.valueOf(event.limit())),
                        MessageArg.text(String.valueOf(event.periodMinutes()))));
    }

    /** The user as the station head knows them, with the login the access log is searched by. */
    private String who(RevealLimitReached event) {
        return users.findById(event.userId())
                .map(UserAccount::getDisplayName)
                .filter(name -> !name.equals(event.username()))
                .map(name -> name + " (" + event.username() + ")")
                .orElse(event.username());
    }

    private void write(List<UserAccount> to, NotificationKind kind, UUID subjectId, List<MessageArg> args) {
        // the database keeps microseconds
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        to.forEach(user -> notifications.save(new Notification(user.getId(), kind, subjectId, args, now)));
    }

    private void sms(List<UserAccount> to, NotificationKind kind, List<MessageArg> args) {
        List<PhoneNumber> phones =
                to.stream().flatMap(u -> u.phoneNumber().stream()).distinct().toList();
        if (!phones.isEmpty()) {
            String text = messages.getMessage(Notification.message(kind, args), SMS_LOCALE);
            events.publishEvent(new SmsAlert(kind, phones, text));
        }
    }

    /** Who asked for the approval now decided: the last submission of a plan, or request of closure. */
    private UUID requester(CaseFile caseFile, ApprovalKind kind) {
        String action = kind == ApprovalKind.PLAN ? "SUBMIT_PLAN" : "REQUEST_CLOSURE";
        List<CaseTransition> steps = caseFile.getTransitions();
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).getAction().equals(action)) {
                return users.findByUsername(steps.get(i).getActor())
                        .map(UserAccount::getId)
                        .orElse(null);
            }
        }
        return null;
    }

    private UUID actorId() {
        return currentActor.find().map(Actor::userId).orElse(null);
    }

    private MessageArg village(RegionCode code) {
        return MessageArg.text(
                regions.findById(code.value()).map(Region::getName).orElse(code.value()));
    }

    private MessageArg organisation(UUID id) {
        return MessageArg.text(Optional.ofNullable(id)
                .flatMap(organisations::findById)
                .map(Organisation::getName)
                .orElse("-"));
    }

    private static MessageArg severity(RiskLevel level) {
        return MessageArg.key("notification.severity." + level);
    }

    private static MessageArg approvalKind(ApprovalKind kind) {
        return MessageArg.key("notification.approval." + kind);
    }
}
