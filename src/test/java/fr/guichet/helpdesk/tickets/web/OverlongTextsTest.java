package fr.guichet.helpdesk.tickets.web;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Texts longer than their columns, found by the fuzzing of the doors: each was a 500 from the
 * database; now a message in place, and nothing saved.
 */
@IntegrationTest
class OverlongTextsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    HelpdeskSetup helpdesk;

    Visitor correspondent;
    long category;
    TicketId ticket;

    @BeforeEach
    void aCorrespondentWithATicket() throws Exception {
        var domain = People.uniqueDomain();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var establishment = organizations.createEstablishment("Université " + suffix, "U", Set.of(domain));
        var email = People.uniqueEmail(domain);
        var person =
                accounts.createVerified(email, Civility.MADAME, "Longue", "Lise", establishment, false, GOOD_PASSWORD);
        var agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MONSIEUR, "Agent", "Al", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var product = helpdesk.product("L-" + suffix, "L " + suffix, null, List.of("1"), List.of(true));
        helpdesk.installedVersion(establishment, product, "1");
        helpdesk.correspondent(establishment, product, person, CorrespondentKind.FUNCTIONAL);
        category = helpdesk.levelTwoCategory("L " + suffix, product, helpdesk.team("L " + suffix, List.of(agent)));
        ticket = helpdesk.levelTwoTicket(
                person,
                establishment,
                category,
                Priority.NON_BLOCKING,
                Nature.FUNCTIONAL,
                null,
                "Long " + suffix,
                "Pour les compléments.");
        correspondent = Visitor.signedIn(mvc, email);
    }

    @Test
    void aComplementLongerThanAnExchangeKeepsIsRefusedWithItsLimit() throws Exception {
        var before = exchanges();
        var answer = correspondent
                .perform(post("/demandes/{id}/complements", ticket.value())
                        .with(csrf())
                        .param("text", "x".repeat(20_001)))
                .andReturn();

        assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/demandes/" + ticket.value());
        var page = Jsoup.parse(correspondent
                .perform(get("/demandes/{id}", ticket.value()).flashAttrs(answer.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("[data-testid=refusal]")
                        .text()
                        .replace('\u202f', ' ')
                        .replace('\u00a0', ' '))
                .isEqualTo("Le message ne doit pas dépasser 20 000 caractères.");
        assertThat(exchanges()).isEqualTo(before);
    }

    @Test
    void anInternalReferenceOrAMessageCodeBeyondFiftyCharactersIsRefusedOnTheForm() throws Exception {
        for (var field : List.of("internalReference", "messageCode")) {
            var title = "Référence " + field + " " + UUID.randomUUID();
            var page = Jsoup.parse(correspondent
                    .perform(post("/demandes/nouvelle/{category}", category)
                            .with(csrf())
                            .param("priority", "NON_BLOCKING")
                            .param("nature", "FUNCTIONAL")
                            .param("title", title)
                            .param("description", "Une description.")
                            .param(field, "R".repeat(51)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));

            assertThat(page.select("[data-testid=filing-refusal]").text())
                    .isEqualTo(
                            field.equals("internalReference")
                                    ? "La référence interne ne doit pas dépasser 50 caractères."
                                    : "Le code du message d’erreur ne doit pas dépasser 50 caractères.");
            assertThat(jdbc.sql("select count(*) from ticket where title = ?")
                            .param(title)
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    private long exchanges() {
        return jdbc.sql("select count(*) from ticket_exchange where ticket_id = ?")
                .param(ticket.value())
                .query(Long.class)
                .single();
    }
}
