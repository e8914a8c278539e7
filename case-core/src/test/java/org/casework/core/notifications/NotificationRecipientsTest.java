package org.casework.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casework.core.accounts.UserAccount;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.flags.EscalationTier;
import org.casework.core.flags.FlagEscalated;
import org.casework.core.flags.FlagOutcome;
import org.casework.core.flags.FlagRaised;
import org.casework.core.flags.FlagTriaged;
import org.casework.core.organisations.Department;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationRepository;
import org.casework.core.organisations.OrganisationType;
import org.casework.core.referrals.ReferralEscalated;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralStatusChanged;
import org.casework.core.security.Role;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recipient rules over a small county held in memory: the repository fake answers the two
 * queries the rules make the way the JPQL does (enabled accounts, role, exact jurisdiction or
 * organisation).
 */
class NotificationRecipientsTest {

    private static final RegionCode COUNTY = new RegionCode("410225");
    private static final RegionCode GUYANG = new RegionCode("410225101");
    private static final RegionCode NANZHANG = new RegionCode("410225102");
    private static final RegionCode RENZHUANG = new RegionCode("410225101201");

    private final List<UserAccount> accounts = new ArrayList<>();
    private final Organisation guyangStation =
            new Organisation(OrganisationType.TOWNSHIP_STATION, "堌阳镇社工站", GUYANG, null);
    private final Organisation fulian =
            new Organisation(OrganisationType.PARTNER_DEPARTMENT, "县妇联", COUNTY, Department.WOMENS_FEDERATION);
    private final Organisation education =
            new Organisation(OrganisationType.PARTNER_DEPARTMENT, "县教育局", COUNTY, Department.EDUCATION);

    private UserAccount worker;
    private UserAccount head;
    private UserAccount childSupervisor;
    private UserAccount countySupervisor;
    private UserAccount nanzhangWorker;
    private UserAccount nanzhangHead;
    private UserAccount director;
    private UserAccount liaison;
    private UserAccount educationLiaison;
    private UserAccount disabledWorker;

    private NotificationRecipients recipients;

    @BeforeEach
    void county() {
        worker = account("station-guyang", Role.STATION_WORKER, GUYANG, guyangStation);
        head = account("head-guyang", Role.STATION_HEAD, GUYANG, guyangStation);
        childSupervisor = account("sup-guyang", Role.TOWNSHIP_CHILD_SUPERVISOR, GUYANG, guyangStation);
        countySupervisor = account("county-sup", Role.COUNTY_SUPERVISOR, COUNTY, null);
        nanzhangWorker = account("station-nanzhang", Role.STATION_WORKER, NANZHANG, null);
        nanzhangHead = account("head-nanzhang", Role.STATION_HEAD, NANZHANG, null);
        director = account("director-renzhuang", Role.VILLAGE_CHILD_DIRECTOR, RENZHUANG, null);
        liaison = account("liaison-fulian", Role.DEPARTMENT_LIAISON, COUNTY, fulian);
        educationLiaison = account("liaison-jiaoyu", Role.DEPARTMENT_LIAISON, COUNTY, education);
        disabledWorker = account("station-left", Role.STATION_WORKER, GUYANG, guyangStation);
        disabledWorker.disable();

        UserAccountRepository users = mock(UserAccountRepository.class);
        when(users.findEnabled(anyCollection(), anyCollection())).thenAnswer(call -> {
            Collection<?> roles = call.getArgument(0);
            Collection<?> codes = call.getArgument(1);
            return accounts.stream()
                    .filter(UserAccount::isEnabled)
                    .filter(u -> roles.contains(u.getRole()) && codes.contains(u.getJurisdictionCode()))
                    .toList();
        });
        when(users.findEnabledInOrganisation(any(), any()))
                .thenAnswer(call -> accounts.stream()
                        .filter(UserAccount::isEnabled)
                        .filter(u -> u.getRole() == call.getArgument(0)
                                && call.getArgument(1).equals(u.getOrganisationId()))
                        .toList());
        when(users.findById(any()))
                .thenAnswer(call -> accounts.stream()
                        .filter(u -> u.getId().equals(call.getArgument(0)))
                        .findFirst());
        OrganisationRepository organisations = mock(OrganisationRepository.class);
        when(organisations.findById(any()))
                .thenAnswer(call ->
                        Optional.ofNullable(call.getArgument(0).equals(guyangStation.getId()) ? guyangStation : null));
        recipients = new NotificationRecipients(users, organisations);
    }

    private UserAccount account(String username, Role role, RegionCode jurisdiction, Organisation organisation) {
        UserAccount account = new UserAccount(
                username, username, "{noop}x", role, jurisdiction, organisation == null ? null : organisation.getId());
        accounts.add(account);
        return account;
    }

    @Test
    void aRedFlagGoesToTheTownshipStationAndTheCountySupervisorButNotToTheReporter() {
        FlagRaised red = new FlagRaised(UUID.randomUUID(), RENZHUANG, RiskLevel.RED, director.getId());

        assertThat(recipients.flagRaised(red))
                .containsExactlyInAnyOrder(worker, head, childSupervisor, countySupervisor);
    }

    @Test
    void anOrangeFlagStaysWithTheStation() {
        FlagRaised orange = new FlagRaised(UUID.randomUUID(), RENZHUANG, RiskLevel.ORANGE, director.getId());

        assertThat(recipients.flagRaised(orange)).containsExactlyInAnyOrder(worker, head, childSupervisor);
    }

    @Test
    void aStationWorkerRaisingAFlagIsNotToldOfTheirOwnFlag() {
        FlagRaised own = new FlagRaised(UUID.randomUUID(), RENZHUANG, RiskLevel.YELLOW, worker.getId());

        assertThat(recipients.flagRaised(own)).containsExactlyInAnyOrder(head, childSupervisor);
    }

    @Test
    void onlyTheReporterHearsOfTheTriage() {
        FlagTriaged triaged = new FlagTriaged(UUID.randomUUID(), RENZHUANG, director.getId(), FlagOutcome.REGISTERED);

        assertThat(recipients.flagTriaged(triaged, worker.getId())).containsExactly(director);
        assertThat(recipients.flagTriaged(
                        new FlagTriaged(UUID.randomUUID(), RENZHUANG, worker.getId(), FlagOutcome.DISMISSED),
                        worker.getId()))
                .isEmpty();
    }

    @Test
    void aDisabledReporterIsNotTold() {
        FlagTriaged triaged =
                new FlagTriaged(UUID.randomUUID(), RENZHUANG, disabledWorker.getId(), FlagOutcome.REGISTERED);

        assertThat(recipients.flagTriaged(triaged, head.getId())).isEmpty();
    }

    @Test
    void escalationsGoToTheStationHeadsFirstThenToTheCounty() {
        UUID flag = UUID.randomUUID();

        assertThat(recipients.flagEscalated(
                        new FlagEscalated(flag, RENZHUANG, RiskLevel.RED, EscalationTier.STATION_HEAD)))
                .containsExactlyInAnyOrder(head, childSupervisor);
        assertThat(recipients.flagEscalated(
                        new FlagEscalated(flag, RENZHUANG, RiskLevel.RED, EscalationTier.COUNTY_SUPERVISOR)))
                .containsExactly(countySupervisor);
    }

    @Test
    void aSentReferralGoesToTheReceivingLiaisonsAndTheirAnswerToTheSender() {
        UUID referral = UUID.randomUUID();

        assertThat(recipients.referralStatusChanged(referral(referral, ReferralStatus.SENT), worker.getId()))
                .containsExactly(liaison);
        assertThat(recipients.referralStatusChanged(referral(referral, ReferralStatus.ACCEPTED), liaison.getId()))
                .containsExactly(worker);
        assertThat(recipients.referralStatusChanged(referral(referral, ReferralStatus.COMPLETED), liaison.getId()))
                .containsExactly(worker);
        assertThat(recipients.referralStatusChanged(referral(referral, ReferralStatus.REVOKED), worker.getId()))
                .containsExactly(liaison);
    }

    @Test
    void aLateReferralGoesToTheSenderAndTheStationHeadsOfTheSendingTownship() {
        ReferralEscalated late =
                new ReferralEscalated(UUID.randomUUID(), worker.getId(), guyangStation.getId(), fulian.getId());

        assertThat(recipients.referralEscalated(late)).containsExactlyInAnyOrder(worker, head);
    }

    @Test
    void anApprovalRequestGoesToTheSupervisorsCoveringTheCaseButNotTheRequester() {
        assertThat(recipients.approvalRequested(RENZHUANG.value(), worker.getId()))
                .containsExactlyInAnyOrder(head, childSupervisor, countySupervisor);
        assertThat(recipients.approvalRequested(RENZHUANG.value(), head.getId()))
                .containsExactlyInAnyOrder(childSupervisor, countySupervisor);
    }

    @Test
    void aDecisionGoesToTheCaseWorkerAndTheRequesterOnceEachButNotTheDecider() {
        assertThat(recipients.approvalDecided(worker.getId(), worker.getId(), head.getId()))
                .containsExactly(worker);
        assertThat(recipients.approvalDecided(worker.getId(), childSupervisor.getId(), head.getId()))
                .containsExactly(worker, childSupervisor);
        assertThat(recipients.approvalDecided(head.getId(), head.getId(), countySupervisor.getId()))
                .containsExactly(head);
        assertThat(recipients.approvalDecided(worker.getId(), null, worker.getId()))
                .isEmpty();
    }

    @Test
    void nobodyOutsideTheRulesIsEverTold() {
        List<UserAccount> everyone = new ArrayList<>();
        everyone.addAll(
                recipients.flagRaised(new FlagRaised(UUID.randomUUID(), RENZHUANG, RiskLevel.RED, director.getId())));
        everyone.addAll(recipients.approvalRequested(RENZHUANG.value(), worker.getId()));
        everyone.addAll(
                recipients.referralStatusChanged(referral(UUID.randomUUID(), ReferralStatus.SENT), worker.getId()));

        assertThat(everyone).doesNotContain(nanzhangWorker, nanzhangHead, educationLiaison, disabledWorker);
    }

    private ReferralStatusChanged referral(UUID id, ReferralStatus status) {
        return new ReferralStatusChanged(
                id, UUID.randomUUID(), worker.getId(), guyangStation.getId(), fulian.getId(), status);
    }
}
