package org.casework.web.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.UUID;
import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.flags.FlagRaised;
import org.casework.core.notifications.Notification;
import org.casework.core.notifications.NotificationRepository;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.casework.it.IntegrationTest;
import org.casework.web.support.StationPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox page, opening an entry, marking all read, and the unread badge in every page's header. */
@IntegrationTest
@AutoConfigureMockMvc
class NotificationPagesIT {

    private static final String WORKER = "station-guyang";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    StationPages pages;

    @BeforeEach
    void pages() throws Exception {
        pages = new StationPages(mvc, users);
        mvc.perform(post("/notifications/read-all").with(csrf()).with(pages.as(WORKER)))
                .andExpect(status().is3xxRedirection());
    }

    /** A red flag raised in 任庄村 by its child director; returns the flag's id. */
    private UUID redFlag() {
        UUID flagId = UUID.randomUUID();
        UUID reporter =
                accounts.findByUsername("director-renzhuang").orElseThrow().getId();
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(tx -> events.publishEvent(
                        new FlagRaised(flagId, new RegionCode(StationPages.RENZHUANG), RiskLevel.RED, reporter)));
        return flagId;
    }

    private Notification newestOf(String username) {
        UUID id = accounts.findByUsername(username).orElseThrow().getId();
        return notifications.findInbox(id, PageRequest.of(0, 1)).getContent().get(0);
    }

    @Test
    void theHeaderShowsTheUnreadCountOnEveryPage() throws Exception {
        mvc.perform(get("/").with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/notifications\"")))
                .andExpect(content().string(containsString("0 条未读通知")))
                .andExpect(content().string(not(containsString("class=\"bell-count\""))));

        redFlag();
        redFlag();

        mvc.perform(get("/").with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"bell-count\">2</span>")))
                .andExpect(content().string(containsString("2 条未读通知")));
        mvc.perform(get("/cases").param("lang", "en").with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"bell-count\">2</span>")))
                .andExpect(content().string(containsString("2 unread notifications")));
        // a liaison and an administrator have a bell too
        mvc.perform(get("/").with(pages.as("liaison-fulian")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/notifications\"")));
    }

    @Test
    void theInboxListsNewestFirstAndOpeningAnEntryMarksItReadAndGoesToItsSubject() throws Exception {
        UUID flagId = redFlag();
        Notification entry = newestOf(WORKER);
        assertThat(entry.getSubjectId()).isEqualTo(flagId);

        mvc.perform(get("/notifications").with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(view().name("notifications/inbox"))
                .andExpect(content().string(containsString("红色风险上报")))
                .andExpect(content().string(containsString("class=\"unread\"")))
                .andExpect(content().string(containsString("/notifications/" + entry.getId() + "/open")))
                .andExpect(content().string(containsString("全部标为已读")));
        mvc.perform(get("/notifications").param("lang", "en").with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("New red flag in")))
                .andExpect(content().string(containsString("Mark all read")));

        mvc.perform(post("/notifications/{id}/open", entry.getId()).with(csrf()).with(pages.as(WORKER)))
                .andExpect(redirectedUrl("/flags/" + flagId));

        assertThat(notifications.findById(entry.getId()).orElseThrow().isRead()).isTrue();
        mvc.perform(get("/notifications").param("unread", "true").with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/notifications/" + entry.getId() + "/open"))))
                .andExpect(content().string(containsString("暂无通知")));
    }

    @Test
    void anotherUsersEntryCannotBeOpened() throws Exception {
        redFlag();
        Notification headsEntry = newestOf("head-guyang");

        mvc.perform(post("/notifications/{id}/open", headsEntry.getId())
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().isNotFound());
        assertThat(notifications.findById(headsEntry.getId()).orElseThrow().isRead())
                .isFalse();
    }

    @Test
    void markAllReadEmptiesTheBadge() throws Exception {
        redFlag();

        mvc.perform(post("/notifications/read-all").with(csrf()).with(pages.as(WORKER)))
                .andExpect(redirectedUrl("/notifications"));

        mvc.perform(get("/notifications").with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("class=\"bell-count\""))))
                .andExpect(content().string(containsString("class=\"read\"")));
    }

    @Test
    void anAdministratorSetsAUsersSmsPhoneOnTheUserPage() throws Exception {
        UUID head = accounts.findByUsername("head-guyang").orElseThrow().getId();
        try {
            mvc.perform(post("/admin/users/{id}/phone", head)
                            .param("phone", "13900002222")
                            .with(csrf())
                            .with(pages.as("admin")))
                    .andExpect(redirectedUrl("/admin/users"));
            mvc.perform(get("/admin/users").with(pages.as("admin")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("139****2222")))
                    .andExpect(content().string(containsString("短信手机号")));
            mvc.perform(post("/admin/users/{id}/phone", head)
                            .param("phone", "bad")
                            .with(csrf())
                            .with(pages.as("admin")))
                    .andExpect(redirectedUrl("/admin/users"));
            assertThat(accounts.findById(head).orElseThrow().maskedPhone()).isEqualTo("139****2222");
        } finally {
            mvc.perform(post("/admin/users/{id}/phone", head)
                    .param("phone", "")
                    .with(csrf())
                    .with(pages.as("admin")));
        }
        assertThat(accounts.findById(head).orElseThrow().maskedPhone()).isNull();
    }
}
