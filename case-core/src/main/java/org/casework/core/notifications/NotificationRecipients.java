package org.casework.core.notifications;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.UserAccount;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.audit.RevealLimitReached;
import org.casework.core.flags.EscalationTier;
import org.casework.core.flags.FlagEscalated;
import org.casework.core.flags.FlagRaised;
import org.casework.core.flags.FlagTriaged;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationRepository;
import org.casework.core.referrals.ReferralEscalated;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralStatusChanged;
import org.casework.core.security.Permission;
import org.casework.core.security.Role;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.casework.core.shared.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Who must hear of what: the rules of the notifications feature. Only enabled accounts are told,
 * and never the person who caused the event (they know already). A flag's reporter is told only of
 * their own flag's triage: the station staff see who reported in the flag itself, nobody else does.
 */
@Component
@RequiredArgsConstructor
public class NotificationRecipients {

    /** The station of a township: they triage flags raised in its villages. */
    static final Set<Role> STATION_STAFF =
            EnumSet.of(Role.STATION_WORKER, Role.STATION_HEAD, Role.TOWNSHIP_CHILD_SUPERVISOR);

    static final Set<Role> STATION_SUPERVISORS = EnumSet.of(Role.STATION_HEAD, Role.TOWNSHIP_CHILD_SUPERVISOR);

    /** Whoever may approve plans and closures. */
    static final Set<Role> SUPERVISING = EnumSet.copyOf(EnumSet.allOf(Role.class).stream()
            .filter(r -> r.has(Permission.SUPERVISE_CASES))
            .toList());

    private final UserAccountRepository users;
    private final OrganisationRepository organisations;

    /**
     * A new flag: the station staff of the village's township; for a red flag also the county
     * supervisors covering it (product.md: the supervisor is alerted). Not the reporter.
     */
    public List<UserAccount> flagRaised(FlagRaised event) {
        Stream<UserAccount> staff =
                users
                        .findEnabled(
                                STATION_STAFF, List.of(township(event.village()).value()))
                        .stream();
        if (event.severity() == RiskLevel.RED) {
            staff = Stream.concat(staff, countySupervisorsCovering(event.village()).stream());
        }
        return distinct(staff, event.reporterId());
    }

    /** The station finished triage: the reporter learns the result, unless they triaged it themselves. */
    public List<UserAccount> flagTriaged(FlagTriaged event, UUID actorId) {
        return distinct(enabled(event.reporterId()), actorId);
    }

    /**
     * An untriaged flag escalates: first to the township's station head and child supervisor, then
     * to the county supervisors covering the village.
     */
    public List<UserAccount> flagEscalated(FlagEscalated event) {
        List<UserAccount> tier = event.tier() == EscalationTier.STATION_HEAD
                ? users.findEnabled(
                        STATION_SUPERVISORS, List.of(township(event.village()).value()))
                : countySupervisorsCovering(event.village());
        return distinct(tier.stream(), null);
    }

    /**
     * A referral is sent (or revoked): the liaisons of the receiving organisation. Any other status
     * is the receiver's answer: the sender learns it.
     */
    public List<UserAccount> referralStatusChanged(ReferralStatusChanged event, UUID actorId) {
        if (event.status() == ReferralStatus.SENT || event.status() == ReferralStatus.REVOKED) {
            return distinct(
                    users.findEnabledInOrganisation(Role.DEPARTMENT_LIAISON, event.receivingOrganisationId()).stream(),
                    actorId);
        }
        return distinct(enabled(event.senderId()), actorId);
    }

    /** A referral waits too long for an answer: the sender and the station heads of the sending station's township. */
    public List<UserAccount> referralEscalated(ReferralEscalated event) {
        Stream<UserAccount> heads = organisations
                .findById(event.sendingOrganisationId())
                .map(Organisation::getRegionCode)
                .filter(code -> code.length() >= RegionLevel.TOWNSHIP.codeLength())
                .map(code -> users.findEnabled(
                        EnumSet.of(Role.STATION_HEAD), List.of(code.substring(0, RegionLevel.TOWNSHIP.codeLength()))))
                .orElse(List.of())
                .stream();
        return distinct(Stream.concat(enabled(event.senderId()), heads), null);
    }

    /** A plan or closure waits for approval: the supervisors covering the case's township, not the requester. */
    public List<UserAccount> approvalRequested(String caseRegionCode, UUID requestedBy) {
        RegionCode township = township(new RegionCode(caseRegionCode));
        return distinct(users.findEnabled(SUPERVISING, ancestors(township)).stream(), requestedBy);
    }

    /** A plan or closure was decided: the case's worker and whoever asked, not the supervisor who decided. */
    public List<UserAccount> approvalDecided(UUID assignedWorkerId, UUID requesterId, UUID decidedBy) {
        return distinct(Stream.concat(enabled(assignedWorkerId), enabled(requesterId)), decidedBy);
    }

    /**
     * A red or orange case was taken down to yellow or green: the township's station head and child
     * supervisor, not whoever decided it.
     */
    public List<UserAccount> riskLowered(String caseRegionCode, UUID decidedBy) {
        RegionCode township = township(new RegionCode(caseRegionCode));
        return distinct(users.findEnabled(STATION_SUPERVISORS, List.of(township.value())).stream(), decidedBy);
    }

    /** A registry entry waits for review: the station staff of the village's township. */
    public List<UserAccount> registryReview(RegionCode village) {
        return distinct(
                users.findEnabled(STATION_STAFF, List.of(township(village).value())).stream(), null);
    }

    /**
     * A user reached the reveal limit: the station head and child supervisor of their township; when
     * there is none (a county user, or the head themselves), the county supervisors covering them.
     * Never the user.
     */
    public List<UserAccount> revealLimitReached(RevealLimitReached event) {
        List<UserAccount> heads = event.jurisdiction().level().ordinal() >= RegionLevel.TOWNSHIP.ordinal()
                ? distinct(
                        users
                                .findEnabled(
                                        STATION_SUPERVISORS,
                                        List.of(township(event.jurisdiction()).value()))
                                .stream(),
                        event.userId())
                : List.of();
        return heads.isEmpty()
                ? distinct(countySupervisorsCovering(event.jurisdiction()).stream(), event.userId())
                : heads;
    }

    private List<UserAccount> countySupervisorsCovering(RegionCode village) {
        return users.findEnabled(EnumSet.of(Role.COUNTY_SUPERVISOR), ancestors(village));
    }

    private Stream<UserAccount> enabled(UUID userId) {
        return userId == null ? Stream.empty() : users.findById(userId).filter(UserAccount::isEnabled).stream();
    }

    /** The township of a village (or the region itself when it is a township or above). */
    static RegionCode township(RegionCode region) {
        RegionCode code = region;
        while (code.level().ordinal() > RegionLevel.TOWNSHIP.ordinal()) {
            code = code.parent();
        }
        return code;
    }

    /** The region and every region above it: whoever has one of them as jurisdiction covers it. */
    static List<String> ancestors(RegionCode region) {
        List<String> codes = new ArrayList<>();
        for (RegionCode code = region; code != null; code = code.parent()) {
            codes.add(code.value());
        }
        return codes;
    }

    private static List<UserAccount> distinct(Stream<UserAccount> candidates, UUID actorId) {
        Map<UUID, UserAccount> byId = new LinkedHashMap<>();
        candidates
                .filter(Objects::nonNull)
                .filter(u -> !u.getId().equals(actorId))
                .forEach(u -> byId.putIfAbsent(u.getId(), u));
        return List.copyOf(byId.values());
    }
}
