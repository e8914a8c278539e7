package org.casework.api.clients;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientInput;
import org.casework.core.clients.ClientService;
import org.casework.core.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The clients endpoint alone (no server, no database): what the mapping lets out, the ETag and
 * If-Match contract of updates, and the problem responses of bad requests, in both languages.
 * Authorization is the core's (ClientService), so the security filters are left out here; the
 * full-server tests in case-web cover who may call what.
 */
@WebMvcTest(ClientController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ClientMapperImpl.class)
class ClientControllerSliceTest {

    private static final UUID ID = UUID.fromString("0b6f4d4e-1d1a-4a43-9a39-2f6f1c0e0001");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClientService clients;

    @MockitoBean
    PeopleNames people;

    @BeforeEach
    void nobodyHasADisplayName() {
        when(people.of(any())).thenReturn(DisplayNames.NONE);
    }

    private static Client client(long version) {
        Client client = mock(Client.class);
        when(client.getId()).thenReturn(ID);
        when(client.getVersion()).thenReturn(version);
        when(client.maskedIdNumber()).thenReturn("410225********1234");
        when(client.maskedPhone()).thenReturn("138****5678");
        when(client.getCreatedBy()).thenReturn("station-guyang");
        return client;
    }

    @Test
    void aClientLeavesWithMaskedNumbersOnlyAndItsVersionAsETag() throws Exception {
        Client client = client(7);
        when(clients.get(ID)).thenReturn(client);
        when(people.of(any())).thenReturn(new DisplayNames(Map.of("station-guyang", "堌阳镇社工 李娜")));

        mvc.perform(get("/api/v1/clients/{id}", ID))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"7\""))
                .andExpect(jsonPath("$.id").value(ID.toString()))
                .andExpect(jsonPath("$.version").value(7))
                .andExpect(jsonPath("$.idNumberMasked").value("410225********1234"))
                .andExpect(jsonPath("$.phoneMasked").value("138****5678"))
                .andExpect(jsonPath("$.createdBy").value("station-guyang"))
                .andExpect(jsonPath("$.createdByName").value("堌阳镇社工 李娜"))
                .andExpect(jsonPath("$.idNumber").doesNotExist())
                .andExpect(jsonPath("$.phone").doesNotExist());
    }

    @Test
    void anUpdateWithoutAVersionIsRefusedInChineseNamingIfMatch() throws Exception {
        mvc.perform(put("/api/v1/clients/{id}", ID)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"))
                .andExpect(jsonPath("$.detail").value(containsString("版本号")));
        verifyNoInteractions(clients);
    }

    @Test
    void anUpdateChangesTheVersionOfAWeakETagAndAnswersTheNewOne() throws Exception {
        Client updated = client(8);
        when(clients.update(eq(ID), eq(7L), any(ClientInput.class))).thenReturn(updated);

        mvc.perform(put("/api/v1/clients/{id}", ID)
                        .header("If-Match", "W/\"7\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"8\""));
        verify(clients).update(eq(ID), eq(7L), any(ClientInput.class));
    }

    @Test
    void aPageSizeOutOfRangeIsRefusedNotClampedAndInEnglishWhenAsked() throws Exception {
        mvc.perform(get("/api/v1/clients").param("size", "10000").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.detail").value("The page size must be between 1 and 200."));
        verifyNoInteractions(clients);
    }

    @Test
    void anUnknownClientIsAProblemWithoutSayingWhetherItExists() throws Exception {
        when(clients.get(ID)).thenThrow(new NotFoundException("client"));

        mvc.perform(get("/api/v1/clients/{id}", ID))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("记录不存在，或不在您的辖区内。"));
    }

    @Test
    void unreadableJsonIsA400ProblemNotA500() throws Exception {
        mvc.perform(put("/api/v1/clients/{id}", ID)
                        .header("If-Match", "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("请求格式不正确，无法读取。请检查填写的内容。"));
        verifyNoInteractions(clients);
    }

    @Test
    void anUnknownCategoryInTheQueryIsA400() throws Exception {
        mvc.perform(get("/api/v1/clients").param("category", "NO_SUCH_CATEGORY"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(clients);
    }

    @Test
    void theHistoryNamesWhoActedWithOneLookupOfNamesForTheWholeList() throws Exception {
        Instant at = Instant.parse("2026-12-01T02:00:00Z");
        when(clients.history(ID))
                .thenReturn(List.of(
                        new ChangeLogEntry("Client", ID, "UPDATE", List.of("phone"), null, "station-guyang", at),
                        new ChangeLogEntry("Client", ID, "CREATE", List.of(), null, "station-guyang", at),
                        new ChangeLogEntry("Client", ID, "UPDATE", List.of("address"), null, "system", at)));
        when(people.of(any())).thenReturn(new DisplayNames(Map.of("station-guyang", "堌阳镇社工 李娜")));

        mvc.perform(get("/api/v1/clients/{id}/history", ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].actor").value("station-guyang"))
                .andExpect(jsonPath("$[0].actorName").value("堌阳镇社工 李娜"))
                .andExpect(jsonPath("$[1].actorName").value("堌阳镇社工 李娜"))
                // no account: the login as it was recorded
                .andExpect(jsonPath("$[2].actorName").value("system"));
        verify(people, times(1)).of(any());
    }
}
