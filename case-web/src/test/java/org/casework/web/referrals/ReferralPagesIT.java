package org.casework.web.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.core.organisations.Department;
import org.casework.core.organisations.OrganisationRepository;
import org.casework.core.organisations.OrganisationType;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralRepository;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.Registry;
import org.casework.web.support.StationPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The referral pages: the form from the workspace, the liaison's inbox and detail, and the loop closing on the case. */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ReferralPagesIT {

    private static final String WORKER = "station-guyang";
    private static final String LIAISON = "liaison-fulian";
    private static final String PHONE = "13900002222";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    OrganisationRepository organisations;

    @LocalServerPort
    int port;

    /** Events of this test's own requests: MockMvc runs them on the test thread. */
    @Autowired
    ApplicationEvents events;

    StationPages pages;
    ClientBuilder child;
    String childName;
    UUID caseId;
    UUID fulian;

    @BeforeEach
    void anAdmittedCase() {
        pages = new StationPages(mvc, users);
        Api api = new Api(port);
        child = aLeftBehindChild().withPhone(PHONE);
        JsonNode client = new Registry(api).register(WORKER, child);
        childName = client.get("fullName").asString();
        JsonNode caseFile = new CaseSteps(api)
                .admitted(WORKER, UUID.fromString(client.get("id").asString()));
        caseId = UUID.fromString(caseFile.get("id").asString());
        fulian = organisations.findByTypeOrderByName(OrganisationType.PARTNER_DEPARTMENT).stream()
                .filter(o -> o.getDepartment() == Department.WOMENS_FEDERATION)
                .findFirst()
                .orElseThrow()
                .getId();
    }

    @Test
    void theWorkspaceOffersAReferralAndTheFormPreTicksTheMinimum() throws Exception {
        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"referrals\""),
                                containsString("尚未转介"),
                                containsString("/cases/" + caseId + "/referrals/new"),
                                containsString("href=\"/referrals\""))));

        String form = mvc.perform(get("/cases/{id}/referrals/new", caseId).with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("兰考县妇女联合会"),
                                containsString("默认只共享姓名、性别、年龄和所在村"),
                                containsString("监护人同意"),
                                not(containsString("LEGAL_BASIS_OVERRIDE")))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String minimum : new String[] {"NAME", "SEX", "AGE", "VILLAGE"}) {
            assertThat(checkbox(form, minimum)).contains("checked");
        }
        for (String sensitive : new String[] {"PHONE", "ID_NUMBER", "GUARDIAN_CONTACT", "CASE_SUMMARY"}) {
            assertThat(checkbox(form, sensitive)).doesNotContain("checked");
        }

        // a supervisor may also decide on a legal basis
        mvc.perform(get("/cases/{id}/referrals/new", caseId).with(pages.as("head-guyang")))
                .andExpect(content().string(containsString("LEGAL_BASIS_OVERRIDE")));
    }

    @Test
    void aReferralWithoutConsentComesBackWithTheMessageAndSendsNothing() throws Exception {
        long before = referrals.count();
        mvc.perform(referralForm().with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("转介前须记录信息共享的依据")));
        assertThat(referrals.count()).isEqualTo(before);
    }

    @Test
    void theLiaisonWorksFromTheInboxAndTheOutcomeShowsOnTheCase() throws Exception {
        String location = mvc.perform(referralForm()
                        .param("consentBasis", "GUARDIAN_CONSENT")
                        .param("consentedBy", "王桂英")
                        .with(pages.as(WORKER)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/referrals/");
        UUID id = UUID.fromString(location.substring("/referrals/".length()));

        // the liaison's home leads to the inbox, which lists the referral by the shared name
        mvc.perform(get("/").with(pages.as(LIAISON)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("转介收件箱"),
                                containsString("/referrals?status=SENT"),
                                containsString(">转介<"))));
        mvc.perform(get("/referrals").param("status", "SENT").with(pages.as(LIAISON)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(childName), containsString("/referrals/" + id))));

        // the detail shows the shared fields only, and the steps the liaison may take
        mvc.perform(get("/referrals/{id}", id).with(pages.as(LIAISON)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(childName),
                                containsString("堌阳镇 任庄村"),
                                containsString("待接收"),
                                containsString("data-step=\"accept\""),
                                containsString("data-step=\"decline\""),
                                not(containsString(PHONE)),
                                not(containsString(child.idNumber())),
                                not(containsString("王桂英")),
                                not(containsString("/cases/" + caseId)),
                                not(containsString("data-step=\"revoke\"")))));

        // an illegal step comes back with the reason in Chinese and changes nothing
        mvc.perform(post("/referrals/{id}/complete", id)
                        .param("version", String.valueOf(version(id)))
                        .param("text", "已办结")
                        .with(csrf())
                        .with(pages.as(LIAISON)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只有服务中的转介可以办结")));

        step(id, "accept", null);
        step(id, "progress", "已与祖母联系，约定周五上门");
        step(id, "complete", "妇联儿童之家已安排每周两次课后陪伴");

        mvc.perform(get("/referrals/{id}", id).with(pages.as(LIAISON)))
                .andExpect(content()
                        .string(allOf(
                                containsString("已办结"), containsString("已与祖母联系，约定周五上门"), containsString("妇联儿童之家"))));
        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("兰考县妇女联合会"),
                                containsString("已办结"),
                                containsString("妇联儿童之家已安排每周两次课后陪伴"),
                                // the timeline keeps the structured result
                                containsString("转介结果：部分提供"))));

        // the station sees it in its sent list; another township does not see it at all
        mvc.perform(get("/referrals").with(pages.as(WORKER)))
                .andExpect(content().string(containsString("/referrals/" + id)));
        mvc.perform(get("/referrals/{id}", id).with(pages.as("station-nanzhang")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/referrals/{id}", id).with(pages.as(LIAISON)).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Shared information"), containsString("Completed"))));
    }

    @Test
    void theSenderRevokesFromTheDetailPage() throws Exception {
        String location = mvc.perform(
                        referralForm().param("consentBasis", "CLIENT_CONSENT").with(pages.as(WORKER)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/referrals/".length()));
        mvc.perform(get("/referrals/{id}", id).with(pages.as(WORKER)))
                .andExpect(content()
                        .string(allOf(
                                containsString("data-step=\"revoke\""), not(containsString("data-step=\"accept\"")))));
        mvc.perform(post("/referrals/{id}/revoke", id)
                        .param("version", String.valueOf(version(id)))
                        .param("text", "家长已自行联系妇联")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/referrals/{id}", id).with(pages.as(WORKER)))
                .andExpect(content().string(allOf(containsString("已撤回"), containsString("家长已自行联系妇联"))));
    }

    @Test
    void aDeclinedReferralIsReferredElsewhereFromItsPage() throws Exception {
        String location = mvc.perform(referralForm()
                        .param("consentBasis", "GUARDIAN_CONSENT")
                        .param("consentedBy", "王桂英")
                        .with(pages.as(WORKER)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/referrals/".length()));
        step(id, "decline", "属于教育部门职责");

        mvc.perform(get("/referrals/{id}", id).with(pages.as(WORKER)))
                .andExpect(content()
                        .string(allOf(
                                containsString("已拒绝"),
                                containsString("属于教育部门职责"),
                                containsString("/referrals/" + id + "/re-refer"))));
        // the form starts from the old request, offers the other departments and asks for consent again
        mvc.perform(get("/referrals/{id}/re-refer", id).with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("改转其他部门"),
                                containsString("孩子长期独自在家，需要课后照护"),
                                containsString("兰考县教育局"),
                                not(containsString("兰考县妇女联合会")))));
        UUID education = organisations.findByTypeOrderByName(OrganisationType.PARTNER_DEPARTMENT).stream()
                .filter(o -> o.getDepartment() == Department.EDUCATION)
                .findFirst()
                .orElseThrow()
                .getId();
        mvc.perform(post("/referrals/{id}/re-refer", id)
                        .param("version", String.valueOf(version(id)))
                        .param("receivingOrganisationId", education.toString())
                        .param("reason", "孩子长期独自在家，需要课后照护")
                        .param("servicesRequested", "课后照护")
                        .param("urgency", "HIGH")
                        .param("sharedFields", "NAME", "AGE")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("转介前须记录信息共享的依据")));
        String second = mvc.perform(post("/referrals/{id}/re-refer", id)
                        .param("version", String.valueOf(version(id)))
                        .param("receivingOrganisationId", education.toString())
                        .param("reason", "孩子长期独自在家，需要课后照护")
                        .param("servicesRequested", "课后照护")
                        .param("urgency", "HIGH")
                        .param("sharedFields", "NAME", "AGE")
                        .param("consentBasis", "CLIENT_CONSENT")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID newId = UUID.fromString(second.substring("/referrals/".length()));
        assertThat(referrals.findById(newId).orElseThrow().getPreviousReferralId())
                .isEqualTo(id);
        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(content().string(allOf(containsString("兰考县教育局"), containsString("已拒绝"))));
    }

    @Test
    void aFlaggedRegisteredChildIsReferredFromTheFlagPage() throws Exception {
        Api api = new Api(port);
        String clientId =
                new Registry(api).register(WORKER, aLeftBehindChild()).get("id").asString();
        JsonNode flag = api.post(
                        "/api/v1/flags",
                        java.util.Map.of("clientId", clientId, "type", "SCHOOL_DROPOUT", "description", "辍学两周"),
                        api.tokenFor("director-renzhuang"))
                .body();
        String flagId = flag.get("id").asString();
        mvc.perform(get("/flags/{id}", flagId).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("/flags/" + flagId + "/referrals/new")));
        mvc.perform(get("/flags/{id}/referrals/new", flagId).with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("返回风险上报"), containsString("兰考县妇女联合会"))));
        String location = mvc.perform(post("/flags/{id}/referrals", flagId)
                        .param("receivingOrganisationId", fulian.toString())
                        .param("reason", "辍学，需要劝返")
                        .param("servicesRequested", "家庭教育指导")
                        .param("urgency", "NORMAL")
                        .param("consentBasis", "GUARDIAN_CONSENT")
                        .param("consentedBy", "孩子母亲")
                        .param("sharedFields", "NAME", "SEX", "AGE", "VILLAGE")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Referral sent = referrals
                .findById(UUID.fromString(location.substring("/referrals/".length())))
                .orElseThrow();
        assertThat(sent.getFlagId()).hasToString(flagId);
        assertThat(sent.getCaseId()).isNull();
        // another township's station does not find the flag at all
        mvc.perform(get("/flags/{id}/referrals/new", flagId).with(pages.as("station-nanzhang")))
                .andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder referralForm() {
        return post("/cases/{id}/referrals", caseId)
                .param("receivingOrganisationId", fulian.toString())
                .param("reason", "孩子长期独自在家，需要课后照护")
                .param("servicesRequested", "课后照护")
                .param("urgency", "HIGH")
                .param("sharedFields", "NAME", "SEX", "AGE", "VILLAGE")
                .with(csrf());
    }

    private void step(UUID id, String action, String text) throws Exception {
        var request = post("/referrals/{id}/{a}", id, action)
                .param("version", String.valueOf(version(id)))
                .with(csrf())
                .with(pages.as(LIAISON));
        if (text != null) {
            request.param("text", text);
        }
        if (ReferralPages.COMPLETE.equals(action)) {
            request.param("result", "PARTLY_PROVIDED");
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private long version(UUID id) {
        Referral referral = referrals.findById(id).orElseThrow();
        return referral.getVersion();
    }

    /** The checkbox input of one shared field, as rendered. */
    private static String checkbox(String html, String field) {
        int at = html.indexOf("value=\"" + field + "\"");
        assertThat(at).as("checkbox " + field).isPositive();
        int start = html.lastIndexOf("<input", at);
        int end = html.indexOf(">", at);
        return html.substring(start, end);
    }
}
