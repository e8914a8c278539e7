package org.casework.api.services;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.services.ServiceRecord;
import org.casework.core.services.ServiceRecordService;
import org.casework.core.services.ServiceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The service records endpoint alone: the paging contract, the filter rule and bad parameters. */
@WebMvcTest(ServiceRecordController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ServiceRecordMapperImpl.class)
class ServiceRecordControllerSliceTest {

    private static final UUID CLIENT = UUID.fromString("0b6f4d4e-1d1a-4a43-9a39-2f6f1c0e0002");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ServiceRecordService services;

    @MockitoBean
    PeopleNames people;

    @BeforeEach
    void names() {
        when(people.of(any())).thenReturn(new DisplayNames(Map.of("station-guyang", "堌阳镇社工 李娜")));
    }

    @Test
    void aPageOfAClientsRecordsSaysWhereItIsInTheWholeList() throws Exception {
        ServiceRecord visit = mock(ServiceRecord.class);
        when(visit.getClientId()).thenReturn(CLIENT);
        when(visit.getType()).thenReturn(ServiceType.HOME_VISIT);
        when(visit.getOccurredAt()).thenReturn(Instant.parse("2026-12-01T02:00:00Z"));
        when(visit.getRecordedBy()).thenReturn("station-guyang");
        var page = PageRequest.of(1, 2);
        when(services.forClient(eq(CLIENT), eq(page))).thenReturn(new PageImpl<>(List.of(visit), page, 3));

        mvc.perform(get("/api/v1/services")
                        .param("client", CLIENT.toString())
                        .param("page", "1")
                        .param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].clientId").value(CLIENT.toString()))
                .andExpect(jsonPath("$.items[0].type").value("HOME_VISIT"))
                .andExpect(jsonPath("$.items[0].occurredAt").value("2026-12-01T02:00:00Z"))
                .andExpect(jsonPath("$.items[0].recordedBy").value("station-guyang"))
                .andExpect(jsonPath("$.items[0].recordedByName").value("堌阳镇社工 李娜"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void listingWithoutAClientOrACaseIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/services"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("client"))
                .andExpect(jsonPath("$.detail").value("请指定服务对象或个案。"));
        verifyNoInteractions(services);
    }

    @Test
    void aClientIdThatIsNoIdIsA400Problem() throws Exception {
        mvc.perform(get("/api/v1/services").param("client", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        verifyNoInteractions(services);
    }

    @Test
    void aNegativePageIsRefused() throws Exception {
        mvc.perform(get("/api/v1/services").param("client", CLIENT.toString()).param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        verifyNoInteractions(services);
    }
}
