package org.casework.api.referrals;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationService;
import org.casework.core.referrals.Consent;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralProgressNote;
import org.casework.core.referrals.ReferralService;
import org.casework.core.referrals.ReferralStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageImpl;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The referrals endpoint alone: people are given by login and display name, the detail carries the
 * sending station's phone, and the names of a page or a response are looked up once, not per row.
 */
@WebMvcTest(ReferralController.class)
@AutoConfigureMockMvc(addFilters = false)
class ReferralControllerSliceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final UUID STATION = UUID.fromString("0b6f4d4e-1d1a-4a43-9a39-2f6f1c0e0101");
    private static final UUID FULIAN = UUID.fromString("0b6f4d4e-1d1a-4a43-9a39-2f6f1c0e0102");

    @TestConfiguration
    static class Clocks {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReferralService referrals;

    @MockitoBean
    OrganisationService organisations;

    @MockitoBean
    PeopleNames people;

    @BeforeEach
    void names() {
        when(people.of(any()))
                .thenReturn(new DisplayNames(Map.of("station-guyang", "堌阳镇社工 李娜", "liaison-fulian", "县妇联联络员 张丽")));
        when(referrals.organisationNames(any())).thenReturn(Map.of(STATION, "堌阳镇社工站", FULIAN, "县妇联"));
    }

    @Test
    void aPageOfReferralsNamesTheSendersWithOneLookup() throws Exception {
        Referral first = referral(UUID.randomUUID(), "station-guyang");
        Referral second = referral(UUID.randomUUID(), "station-guyang");
        when(referrals.list(any(), any(), any())).thenReturn(new PageImpl<>(List.of(first, second)));

        mvc.perform(get("/api/v1/referrals").param("box", "sent"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].sentBy").value("station-guyang"))
                .andExpect(jsonPath("$.items[0].sentByName").value("堌阳镇社工 李娜"))
                .andExpect(jsonPath("$.items[1].sentByName").value("堌阳镇社工 李娜"));
        verify(people, times(1)).of(any());
    }

    @Test
    void theDetailNamesEveryoneOnceAndGivesTheStationsPhone() throws Exception {
        UUID id = UUID.randomUUID();
        Referral referral = referral(id, "station-guyang");
        when(referral.getStatus()).thenReturn(ReferralStatus.IN_PROGRESS);
        when(referral.getAcceptedBy()).thenReturn("liaison-fulian");
        when(referral.getAcceptedAt()).thenReturn(NOW);
        when(referrals.get(id)).thenReturn(referral);
        when(referrals.viewsAsReceiver()).thenReturn(true);
        ReferralProgressNote note = mock(ReferralProgressNote.class);
        when(note.getAuthor()).thenReturn("liaison-fulian");
        when(note.getCreatedAt()).thenReturn(NOW);
        when(note.getText()).thenReturn("已与祖母电话联系");
        when(referrals.progressNotes(id)).thenReturn(List.of(note));
        Organisation station = mock(Organisation.class);
        when(station.getContactPhone()).thenReturn("037126880001");
        when(organisations.get(eq(STATION))).thenReturn(station);

        mvc.perform(get("/api/v1/referrals/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sentBy").value("station-guyang"))
                .andExpect(jsonPath("$.sentByName").value("堌阳镇社工 李娜"))
                .andExpect(jsonPath("$.senderPhone").value("037126880001"))
                .andExpect(jsonPath("$.accepted.by").value("liaison-fulian"))
                .andExpect(jsonPath("$.accepted.byName").value("县妇联联络员 张丽"))
                .andExpect(jsonPath("$.progress[0].author").value("liaison-fulian"))
                .andExpect(jsonPath("$.progress[0].authorName").value("县妇联联络员 张丽"));
        verify(people, times(1)).of(any());
    }

    private static Referral referral(UUID id, String sentBy) {
        Referral r = mock(Referral.class);
        when(r.getId()).thenReturn(id);
        when(r.getVersion()).thenReturn(1L);
        when(r.getStatus()).thenReturn(ReferralStatus.SENT);
        when(r.getSendingOrganisationId()).thenReturn(STATION);
        when(r.getReceivingOrganisationId()).thenReturn(FULIAN);
        when(r.getSentBy()).thenReturn(sentBy);
        when(r.getSentAt()).thenReturn(NOW);
        when(r.getConsent()).thenReturn(mock(Consent.class));
        return r;
    }
}
