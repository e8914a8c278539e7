package org.casework.web.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientRepository;
import org.casework.it.IntegrationTest;
import org.casework.web.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The register and edit forms: refusals come back as inline errors with nothing saved. */
@IntegrationTest
@AutoConfigureMockMvc
class ClientFormIT {

    private static final String RENZHUANG = "410225101201";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    ClientRepository clients;

    @Test
    void wrongCheckDigitReturnsTheFormWithTheErrorAndSavesNothing() throws Exception {
        String name = TestPeople.uniqueName();
        LocalDate born = TestPeople.childBirthDate();
        String badId = TestPeople.withWrongCheckDigit(TestPeople.maleIdNumber(born));

        mvc.perform(registration(name, born, badId).with(as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(view().name("clients/form"))
                .andExpect(model().attributeHasFieldErrorCode("form", "idNumber", "client.idNumber.checkDigit"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("身份证号校验位不正确")))
                // what was typed comes back
                .andExpect(content().string(org.hamcrest.Matchers.containsString(badId)));

        assertThat(clients.findAll()).extracting(Client::getFullName).doesNotContain(name);
    }

    @Test
    void validRegistrationRedirectsToTheClientPage() throws Exception {
        String name = TestPeople.uniqueName();
        LocalDate born = TestPeople.childBirthDate();

        mvc.perform(registration(name, born, TestPeople.maleIdNumber(born)).with(as("station-guyang")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/clients/*"));

        assertThat(clients.findAll()).extracting(Client::getFullName).contains(name);
    }

    @Test
    void staleVersionOnEditShowsTheStaleMessage() throws Exception {
        String name = TestPeople.uniqueName();
        LocalDate born = TestPeople.childBirthDate();
        mvc.perform(registration(name, born, TestPeople.maleIdNumber(born)).with(as("station-guyang")));
        Client client = clients.findAll().stream()
                .filter(c -> c.getFullName().equals(name))
                .findFirst()
                .orElseThrow();

        mvc.perform(post("/clients/{id}/edit", client.getId())
                        .param("version", "99")
                        .param("fullName", name)
                        .param("sex", "MALE")
                        .param("birthDate", born.toString())
                        .param("residenceRegionCode", RENZHUANG)
                        .with(csrf())
                        .with(as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(view().name("clients/form"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("该记录已被他人修改")));
    }

    @Test
    void missingSexAndBadDateAreShownNextToTheirFields() throws Exception {
        mvc.perform(post("/clients/new")
                        .param("fullName", TestPeople.uniqueName())
                        .param("birthDate", "not-a-date")
                        .param("residenceRegionCode", RENZHUANG)
                        .with(csrf())
                        .with(as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "birthDate", "typeMismatch"));
    }

    @Test
    void aClientOfAnotherVillageReadsAsNotFound() throws Exception {
        Client caozhai = clients.findAll().stream()
                .filter(c -> c.getResidenceRegionCode().equals("410225101202"))
                .findFirst()
                .orElseThrow();

        mvc.perform(get("/clients/{id}", caozhai.getId()).with(as("director-renzhuang")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/clients/{id}", caozhai.getId()).with(as("director-caozhai")))
                .andExpect(status().isOk());
    }

    @Test
    void administratorsAndLiaisonsGetAHomePageButNoRegistry() throws Exception {
        for (String username : new String[] {"admin", "liaison-fulian"}) {
            mvc.perform(get("/").with(as(username))).andExpect(status().isOk());
            mvc.perform(get("/clients").with(as(username))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/users").with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/admin/users").with(as("station-guyang"))).andExpect(status().isForbidden());
    }

    /** The same rule as the API and device sync: invisible control characters are refused, nothing saved. */
    @Test
    void controlCharactersInAFieldReturnTheFormWithTheErrorAtThatField() throws Exception {
        String name = TestPeople.uniqueName();
        LocalDate born = TestPeople.childBirthDate();

        mvc.perform(registration(name, born, TestPeople.maleIdNumber(born))
                        .param("child.guardianName", "王\u0000桂英")
                        .param("address", "任庄村\u202E三组")
                        .with(as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(view().name("clients/form"))
                .andExpect(model().attributeHasFieldErrorCode("form", "address", "error.text.controlCharacters"));
        mvc.perform(registration(name, born, TestPeople.maleIdNumber(born))
                        .param("child.guardianName", "王\u0000桂英")
                        .with(as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(
                                "form", "child.guardianName", "error.text.controlCharacters"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("控制字符")));

        assertThat(clients.findAll()).extracting(Client::getFullName).doesNotContain(name);
    }

    @Test
    void revealNeedsAReason() throws Exception {
        Client any = clients.findAll().stream()
                .filter(c -> c.getResidenceRegionCode().startsWith("410225101"))
                .findFirst()
                .orElseThrow();

        mvc.perform(post("/clients/{id}/reveal", any.getId())
                        .param("reason", "")
                        .with(csrf())
                        .with(as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("revealError"))
                .andExpect(model().attributeDoesNotExist("revealed"));
    }

    private static MockHttpServletRequestBuilder registration(String name, LocalDate born, String idNumber) {
        return post("/clients/new")
                .param("fullName", name)
                .param("sex", "MALE")
                .param("birthDate", born.toString())
                .param("idNumber", idNumber)
                .param("residenceRegionCode", RENZHUANG)
                .param("child.fatherStatus", "WORKING_AWAY")
                .param("child.motherStatus", "WORKING_AWAY")
                .param("category.type", "LEFT_BEHIND_CHILD")
                .param("category.validFrom", LocalDate.now().toString())
                .param("category.source", "OUTREACH")
                .with(csrf());
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
