package org.casework.web.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;
import org.casework.core.accounts.AccountUserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What page tests do through the station's forms: register a child, open a case, take a step. */
public final class StationPages {

    public static final String RENZHUANG = "410225101201";

    private final MockMvc mvc;
    private final AccountUserDetailsService users;

    public StationPages(MockMvc mvc, AccountUserDetailsService users) {
        this.mvc = mvc;
        this.users = users;
    }

    public RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** Registers a left-behind boy of 6 to 12 in 任庄村 (堌阳镇) and returns his id. */
    public UUID registerChild(String username) throws Exception {
        LocalDate born = TestPeople.childBirthDate();
        String location = mvc.perform(post("/clients/new")
                        .param("fullName", TestPeople.uniqueName())
                        .param("sex", "MALE")
                        .param("birthDate", born.toString())
                        .param("idNumber", TestPeople.maleIdNumber(born))
                        .param("residenceRegionCode", RENZHUANG)
                        .param("child.fatherStatus", "WORKING_AWAY")
                        .param("child.motherStatus", "WORKING_AWAY")
                        .with(csrf())
                        .with(as(username)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return idAtEndOf(location, "/clients/");
    }

    /** Opens a case (a lead) from the client page and returns its id. */
    public UUID openCase(UUID clientId, String username) throws Exception {
        String location = mvc.perform(post("/clients/{id}/cases", clientId)
                        .param("source", "OUTREACH")
                        .param("reason", "走访发现孩子独自在家")
                        .with(csrf())
                        .with(as(username)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return idAtEndOf(location, "/cases/");
    }

    /** Starts an assessment of the case's client and returns its id. */
    public UUID startAssessment(UUID caseId, String instrument, String username) throws Exception {
        String location = mvc.perform(post("/cases/{id}/assessments", caseId)
                        .param("instrument", instrument)
                        .with(csrf())
                        .with(as(username)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return idAtEndOf(location, "/assessments/");
    }

    private static UUID idAtEndOf(String location, String prefix) {
        if (location == null || !location.contains(prefix)) {
            throw new AssertionError("expected a redirect to " + prefix + "…, got " + location);
        }
        String id = location.substring(location.indexOf(prefix) + prefix.length());
        int end = id.indexOf('#') >= 0 ? id.indexOf('#') : id.length();
        return UUID.fromString(id.substring(0, end));
    }
}
