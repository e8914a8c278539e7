package org.casework.api.flags;

import static org.mockito.ArgumentMatchers.any;
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
import java.util.Set;
import java.util.UUID;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagNote;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.MandatoryReportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The flags endpoint alone: the staff view names the reporter and who triaged by display name, next
 * to their logins; the reporter's own view names nobody; a page's names are one lookup.
 */
@WebMvcTest(FlagController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(FlagResponses.class)
class FlagControllerSliceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

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
    FlagService flags;

    @MockitoBean
    MandatoryReportService reports;

    @MockitoBean
    PeopleNames people;

    @BeforeEach
    void names() {
        when(people.of(any()))
                .thenReturn(
                        new DisplayNames(Map.of("director-renzhuang", "任庄村儿童主任 任秀兰", "station-guyang", "堌阳镇社工 李娜")));
        when(flags.withPhotos(any())).thenReturn(Set.of());
        when(reports.reported(any())).thenReturn(Set.of());
    }

    @Test
    void theQueueNamesReporterAndTriagerWithOneLookupForThePage() throws Exception {
        Flag triaged = flag("director-renzhuang", "station-guyang");
        Flag open = flag("director-renzhuang", null);
        when(flags.isStaffView(any())).thenReturn(true);
        when(flags.queue(any())).thenReturn(new PageImpl<>(List.of(triaged, open)));

        mvc.perform(get("/api/v1/flags").param("view", "QUEUE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].staff.reporterUsername").value("director-renzhuang"))
                .andExpect(jsonPath("$.items[0].staff.reporterName").value("任庄村儿童主任 任秀兰"))
                .andExpect(jsonPath("$.items[0].staff.triagedBy").value("station-guyang"))
                .andExpect(jsonPath("$.items[0].staff.triagedByName").value("堌阳镇社工 李娜"))
                .andExpect(jsonPath("$.items[1].staff.triagedByName").doesNotExist());
        verify(people, times(1)).of(any());
    }

    @Test
    void theReportersOwnViewNamesNobodyAndLooksUpNoNames() throws Exception {
        when(flags.isStaffView(any())).thenReturn(false);
        Flag mine = flag("director-renzhuang", "station-guyang");
        when(flags.mine(any())).thenReturn(new PageImpl<>(List.of(mine)));

        mvc.perform(get("/api/v1/flags"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].staff").doesNotExist());
        verify(people, times(0)).of(any());
    }

    @Test
    void notesNameWhoWroteThemWithOneLookup() throws Exception {
        UUID id = UUID.randomUUID();
        FlagNote first = note("station-guyang");
        FlagNote second = note("director-renzhuang");
        when(flags.notes(id)).thenReturn(List.of(first, second));

        mvc.perform(get("/api/v1/flags/{id}/notes", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].writtenBy").value("station-guyang"))
                .andExpect(jsonPath("$[0].writtenByName").value("堌阳镇社工 李娜"))
                .andExpect(jsonPath("$[1].writtenByName").value("任庄村儿童主任 任秀兰"));
        verify(people, times(1)).of(any());
    }

    private static Flag flag(String reporter, String triagedBy) {
        Flag flag = mock(Flag.class);
        when(flag.getId()).thenReturn(UUID.randomUUID());
        when(flag.getVersion()).thenReturn(1L);
        when(flag.getReporterUsername()).thenReturn(reporter);
        when(flag.getTriagedBy()).thenReturn(triagedBy);
        when(flag.getRaisedAt()).thenReturn(NOW);
        return flag;
    }

    private static FlagNote note(String writer) {
        FlagNote note = mock(FlagNote.class);
        when(note.getId()).thenReturn(UUID.randomUUID());
        when(note.getText()).thenReturn("已电话核实");
        when(note.getWrittenBy()).thenReturn(writer);
        when(note.getWrittenAt()).thenReturn(NOW);
        return note;
    }
}
