package org.casework.web.worklist;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.core.worklist.WorklistService;
import org.casework.it.IntegrationTest;
import org.casework.web.support.StationPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The worklist, the home page's first items and the supervisors' caseload page, and who may see them. */
@IntegrationTest
@AutoConfigureMockMvc
class WorklistPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    StationPages pages;

    @BeforeEach
    void pages() {
        pages = new StationPages(mvc, users);
    }

    /**
     * A county with more visits due than the list pages (10,000) says "more than 10,000" on the
     * worklist and on the home page, and pages as far as that: nothing counts past it (issue 14).
     */
    @Test
    void aListLongerThanItPagesSaysMoreThanTheDeepestPage() throws Exception {
        List<Object[]> clients = new ArrayList<>();
        for (int i = 0; i < WorklistService.COUNT_LIMIT; i++) {
            clients.add(new Object[] {bytes(new UUID(0x7e57_0000_0000_0000L, i)), "410225102203"});
        }
        try {
            jdbc.batchUpdate(
                    "INSERT INTO client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                            + " residence_region_code) VALUES (?, 0, '王小明', 'wangxiaoming', 'wxm', 'MALE',"
                            + " DATE '2016-03-01', ?)",
                    clients);
            jdbc.batchUpdate(
                    "INSERT INTO visit_schedule (client_id, region_code, visit_level, level_rank, next_due_on,"
                            + " due_rule, refreshed_at) VALUES (?, ?, 'GREEN', 3, CURRENT_DATE, 'FIRST_VISIT',"
                            + " CURRENT_TIMESTAMP)",
                    clients);

            mvc.perform(get("/worklist").with(pages.as("county-sup")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("超过 10,000 项")))
                    .andExpect(content().string(containsString("共 500 页")));
            mvc.perform(get("/worklist").header("Accept-Language", "en").with(pages.as("county-sup")))
                    .andExpect(content().string(containsString("More than 10,000 items")));
            mvc.perform(get("/").with(pages.as("county-sup")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("超过10,000项")));
            // a township's own list is not capped: its count is exact
            mvc.perform(get("/worklist").with(pages.as("head-guyang")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("超过"))));
        } finally {
            jdbc.update("DELETE FROM visit_schedule WHERE region_code = '410225102203' AND client_id IN"
                    + " (SELECT id FROM client WHERE full_name = '王小明' AND name_pinyin = 'wangxiaoming'"
                    + " AND residence_region_code = '410225102203' AND created_at IS NULL)");
            jdbc.update("DELETE FROM client WHERE residence_region_code = '410225102203' AND created_at IS NULL"
                    + " AND name_pinyin = 'wangxiaoming'");
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    @Test
    void aNewlyRegisteredChildIsOnTheWorklistWithAVisitDue() throws Exception {
        pages.registerChild("station-guyang");

        mvc.perform(get("/worklist").with(pages.as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(view().name("worklist/list"))
                .andExpect(content().string(containsString("探访到期")))
                .andExpect(content().string(containsString("href=\"/worklist\"")));
        mvc.perform(get("/worklist").param("page", "1").with(pages.as("director-renzhuang")))
                .andExpect(status().isOk());
        mvc.perform(get("/").with(pages.as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("我的待办")))
                .andExpect(content().string(containsString("探访到期")));
    }

    @Test
    void rolesWithoutRegistryOrCaseAccessHaveNoWorklist() throws Exception {
        mvc.perform(get("/worklist").with(pages.as("liaison-fulian"))).andExpect(status().isForbidden());
        mvc.perform(get("/worklist").with(pages.as("admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(pages.as("liaison-fulian")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("我的待办"))))
                .andExpect(content().string(not(containsString("href=\"/worklist\""))));
    }

    @Test
    void theCaseloadIsForSupervisorsOnly() throws Exception {
        mvc.perform(get("/caseload").with(pages.as("head-guyang")))
                .andExpect(status().isOk())
                .andExpect(view().name("worklist/caseload"))
                .andExpect(content().string(containsString("社工个案量")))
                .andExpect(content().string(containsString("待审批")));
        mvc.perform(get("/caseload").header("Accept-Language", "en").with(pages.as("county-sup")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Caseload per worker")));
        mvc.perform(get("/caseload").with(pages.as("station-guyang"))).andExpect(status().isForbidden());
        mvc.perform(get("/caseload").with(pages.as("director-renzhuang"))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(pages.as("station-guyang")))
                .andExpect(content().string(not(containsString("href=\"/caseload\""))));
    }
}
