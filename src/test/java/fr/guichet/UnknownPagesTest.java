package fr.guichet;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page that does not exist under an area of the portal is "not found" for whoever may enter the
 * area, and the way in for a visitor; a refusal would tell that something is there. An unknown
 * endpoint of the API likewise.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    Visitor visitor;
    Visitor member;
    Visitor admin;
    String memberToken;

    @BeforeAll
    void people() throws Exception {
        var memberEmail = People.uniqueEmail();
        var adminEmail = People.uniqueEmail();
        accounts.createVerified(memberEmail, Civility.MADAME, "Inconnu", "Ines", null, false, People.GOOD_PASSWORD);
        accounts.createVerified(adminEmail, Civility.MONSIEUR, "Inconnu", "Igor", null, true, People.GOOD_PASSWORD);
        visitor = new Visitor(mvc);
        member = Visitor.signedIn(mvc, memberEmail);
        admin = Visitor.signedIn(mvc, adminEmail);
        memberToken = member.apiToken();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/agence/nimporte-quoi",
                "/agence",
                "/organisations/1/inconnu",
                "/organisations/1/journal/inconnu",
                "/services/1/inconnu",
                "/services/1/demande/inconnu",
                "/compte/inconnu"
            })
    void aMembersAreaUnknownPageIsNotFoundForAMemberAndTheWayInForAVisitor(String page) throws Exception {
        visitor.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/connexion"));
        member.perform(get(page)).andExpect(status().isNotFound());
        member.perform(post(page).with(csrf())).andExpect(status().isNotFound());
        admin.perform(get(page)).andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/administration/inconnu", "/administration"})
    void thePlatformAreaUnknownPageIsNotFoundForItsAdminsOnly(String page) throws Exception {
        visitor.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/connexion"));
        member.perform(get(page)).andExpect(status().isForbidden());
        admin.perform(get(page)).andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nimporte-quoi", "/mon-etablissement/inconnu", "/dev/mailbox/inconnu"})
    void outsideTheAreasAnUnknownPageStaysRefused(String page) throws Exception {
        visitor.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/connexion"));
        member.perform(get(page)).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/organisations/1", "/services/1/demande"})
    void aKnownPageAskedWithAnotherMethodIsNotAllowed(String page) throws Exception {
        member.perform(delete(page).with(csrf())).andExpect(status().isMethodNotAllowed());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/services/1/inconnu",
                "/api/v1/services/1/documents/1/inconnu",
                "/api/v1/access-requests/1/inconnu",
                "/api/v1/tickets/1/inconnu",
                "/api/v1/organizations/1/inconnu"
            })
    void anUnknownEndpointOfTheApiIsNotFoundForATokenAndUnauthorizedWithout(String endpoint) throws Exception {
        mvc.perform(get(endpoint))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(endpoint).header("Authorization", "Bearer " + memberToken))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/inconnu", "/api/v1/me/inconnu", "/api/v1/organization-types/inconnu"})
    void outsideTheApisAreasAnUnknownEndpointStaysRefused(String endpoint) throws Exception {
        mvc.perform(get(endpoint)).andExpect(status().isUnauthorized());
        mvc.perform(get(endpoint).header("Authorization", "Bearer " + memberToken))
                .andExpect(status().isForbidden());
    }

    @Test
    void aKnownEndpointAskedWithAnotherMethodIsNotAllowed() throws Exception {
        var bearer = "Bearer " + memberToken;
        mvc.perform(put("/api/v1/organization-types").header("Authorization", bearer))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(delete("/api/v1/organization-types").header("Authorization", bearer))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(delete("/api/v1/services/1").header("Authorization", bearer))
                .andExpect(status().isMethodNotAllowed());
    }
}
