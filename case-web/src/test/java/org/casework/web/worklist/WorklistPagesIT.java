package org.casework.web.worklist;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.it.IntegrationTest;
import org.casework.web.support.StationPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The worklist, the home page's first items and the supervisors' caseload page, and who may see them. */
@IntegrationTest
@AutoConfigureMockMvc
class WorklistPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    StationPages pages;

    @BeforeEach
    void pages() {
        pages = new StationPages(mvc, users);
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
