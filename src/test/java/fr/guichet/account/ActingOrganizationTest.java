package fr.guichet.account;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** One login, several memberships: the header shows whom he acts for and lets him switch. */
@IntegrationTest
class ActingOrganizationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    OrganizationId first;
    OrganizationId second;
    Visitor person;

    @BeforeEach
    void personOfTwoOrganisations() throws Exception {
        var domain = People.uniqueDomain();
        first = organizations.createEstablishment("Alpha " + domain, "AL", Set.of(domain));
        second = organizations.createEstablishment("Beta " + domain, "BE", Set.of("b" + domain));
        var email = People.uniqueEmail(domain);
        var id = accounts.createVerified(email, Civility.MADAME, "Double", "Dora", first, false, GOOD_PASSWORD);
        accounts.join(id, second, "-");
        person = new Visitor(mvc);
        person.perform(post("/connexion").with(csrf()).param("email", email).param("password", GOOD_PASSWORD));
    }

    @Test
    void hePicksWhomHeActsForAndGoesBackToHisPage() throws Exception {
        assertThat(acting()).startsWith("[AL] - Alpha");

        person.perform(post("/compte/organisation-active")
                        .with(csrf())
                        .param("organization", Long.toString(second.value()))
                        .param("back", "/compte/preferences"))
                .andExpect(redirectedUrl("/compte/preferences"));

        assertThat(acting()).startsWith("[BE] - Beta");
    }

    @Test
    void heCannotActForAnOrganisationHeIsNotPartOfNorBeSentElsewhere() throws Exception {
        var domain = People.uniqueDomain();
        var stranger = organizations.createEstablishment("Gamma " + domain, "GA", Set.of(domain));

        person.perform(post("/compte/organisation-active")
                        .with(csrf())
                        .param("organization", Long.toString(stranger.value())))
                .andExpect(status().isNotFound());
        person.perform(post("/compte/organisation-active")
                        .with(csrf())
                        .param("organization", Long.toString(second.value()))
                        .param("back", "//evil.example/phish"))
                .andExpect(redirectedUrl("/compte"));
    }

    @Test
    void aBackAddressThatWouldBreakTheHeaderOrLeadElsewhereSendsHimToHisAccount() throws Exception {
        for (var back : List.of(
                "/compte\r\nSet-Cookie: volé=1",
                "/\t/evil.example",
                "/\n/evil.example",
                "/\\evil.example",
                "https://evil.example/",
                "javascript:alert(1)",
                "/compte\u0000",
                "/compte/préférences")) {
            var answer = person.perform(post("/compte/organisation-active")
                            .with(csrf())
                            .param("organization", Long.toString(second.value()))
                            .param("back", back))
                    .andReturn()
                    .getResponse();
            assertThat(answer.getStatus()).as(back).isEqualTo(302);
            assertThat(answer.getRedirectedUrl()).as(back).isEqualTo("/compte");
            assertThat(answer.getHeaderNames()).as(back).doesNotContain("Set-Cookie");
        }
        person.perform(post("/compte/organisation-active")
                        .with(csrf())
                        .param("organization", Long.toString(first.value()))
                        .param("back", "/connaissance?q={x}&page=2"))
                .andExpect(redirectedUrl("/connaissance?q={x}&page=2"));
        assertThat(acting()).startsWith("[AL] - Alpha");
    }

    private String acting() throws Exception {
        var page = person.perform(get("/compte")).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(page)
                .selectFirst("[data-testid=acting-organization-choice] option[selected]")
                .text();
    }
}
