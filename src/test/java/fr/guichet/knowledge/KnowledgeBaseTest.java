package fr.guichet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.Publication;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketDriver;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.organization.OrganizationId;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the lifecycle publishes and what it never does (the lifecycle's rule, {@code Publication}), and that
 * what is published is redacted everywhere the public reads it: pages, API, search.
 */
@IntegrationTest
@Tag("smoke")
class KnowledgeBaseTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    ApplicationContext context;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    Accounts accounts;

    @Autowired
    SheetRepository sheets;

    @Autowired
    MockMvc mvc;

    TicketDriver driver;
    String marker;
    String correspondentEmail;
    AccountId correspondent;
    AccountId agent;
    OrganizationId establishment;
    ProductId product;
    long team;
    long publishing;

    @BeforeEach
    void aSiteAProductAndAPublishingCategory() {
        var site = PublishingSite.create(
                context, "Université Paul Sabatier", new String[] {"Gwenaëlle", "Lefèvre"}, new String[] {
                    "Yannick", "Kerhervé"
                });
        driver = site.driver();
        marker = site.marker();
        establishment = site.establishment();
        product = site.product();
        correspondentEmail = site.correspondentEmail();
        correspondent = site.correspondent();
        agent = site.agent();
        team = site.team();
        publishing = site.category();
    }

    @Test
    void aValidatedSolutionIsPublishedRedactedAndNothingPrivateWithIt() throws Exception {
        var ticket = driver.file(
                correspondent,
                establishment,
                publishing,
                "Recettes",
                "INTERNE-" + marker,
                "ORA-01403",
                "Titres de recettes bloqués " + marker,
                "Bonjour, ici Gwenaëlle Lefèvre (Université Paul Sabatier " + marker
                        + "), joignable au 05 61 55 66 77 ou " + correspondentEmail
                        + " : les titres de recettes restent bloqués.");
        driver.act(agent, ticket, Action.TAKE, null);
        driver.act(agent, ticket, Action.ASK_SITE, "Question privée " + marker + " : quel exercice ?");
        driver.act(correspondent, ticket, Action.SITE_ANSWERS, "Réponse privée " + marker + " : exercice 2026.");
        driver.act(
                agent,
                ticket,
                Action.SEND_SOLUTION,
                "Madame Lefèvre, relancez le traitement FB60 ; Yannick Kerhervé, agence.");

        assertThat(published(ticket))
                .as("waiting for the site's validation: not yet")
                .isNull();
        var notYet = mvc.perform(get("/connaissance").param("q", "" + ticket.value()))
                .andReturn()
                .getResponse();
        assertThat(notYet.getStatus())
                .as("the number of no published sheet is searched for")
                .isEqualTo(200);
        assertThat(notYet.getRedirectedUrl()).isNull();
        driver.act(correspondent, ticket, Action.VALIDATE_SOLUTION, null);

        var sheet = awaitPublished(ticket);
        assertThat(mvc.perform(get("/connaissance").param("q", " #" + ticket.value() + " "))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .as("a published sheet's number opens it")
                .isEqualTo("/connaissance/" + ticket.value());
        assertThat(sheet.publication()).isEqualTo(Publication.SOLVED);
        assertThat(sheet.title()).isEqualTo("Titres de recettes bloqués " + marker);
        assertThat(sheet.description())
                .isEqualTo("Bonjour, ici [nom] ([établissement]), joignable au [téléphone] ou "
                        + "[adresse électronique] : les titres de recettes restent bloqués.");
        assertThat(sheet.answer()).isEqualTo("[nom], relancez le traitement FB60 ; [nom], agence.");
        assertThat(sheet.messageCode()).isEqualTo("ORA-01403");
        assertThat(sheet.domain()).isEqualTo("Recettes");
        assertThat(sheet.versionLabel()).isEqualTo("2026.1");

        var page =
                mvc.perform(get("/connaissance/" + ticket.value())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        var api = mvc.perform(get("/api/v1/kb/" + ticket.value()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var found = mvc.perform(get("/api/v1/kb/search").param("q", marker))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var results = mvc.perform(get("/connaissance").param("q", marker))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(found, "$.sheets[*].number")).containsExactly((int) ticket.value());
        for (var shown : List.of(page.getContentAsString(), api, found, results)) {
            assertThat(shown)
                    .contains(marker)
                    .doesNotContain("Lefèvre")
                    .doesNotContain("Gwenaëlle")
                    .doesNotContain("Kerhervé")
                    .doesNotContain("Yannick")
                    .doesNotContain(correspondentEmail)
                    .doesNotContain("05 61 55 66 77")
                    .doesNotContain("Paul Sabatier")
                    .as("internal reference")
                    .doesNotContain("INTERNE-")
                    .as("other exchanges")
                    .doesNotContain("Question privée")
                    .doesNotContain("Réponse privée");
        }
        var sheetPage = Jsoup.parse(page.getContentAsString());
        assertThat(sheetPage.select("[data-testid=sheet-answer]").text())
                .isEqualTo("[nom], relancez le traitement FB60 ; [nom], agence.");
        assertThat(sheetPage.select("a[href*=pieces-jointes], a[href*=attachments]"))
                .as("no attachment")
                .isEmpty();
    }

    @Test
    void knownIssuesAndRejectionsArePublishedButNeverClosuresWithoutValidationAbandonsOrExclusions() {
        var knownIssue = fileAndTake("Export budgétaire");
        driver.act(agent, knownIssue, Action.PUT_TO_DECISION, new TicketState(TicketStatus.ATD, SubStatus.DMF), null);
        assertThat(awaitPublished(knownIssue).publication()).isEqualTo(Publication.KNOWN_ISSUE);

        var rejected = fileAndTake("Nouvel état demandé");
        driver.act(agent, rejected, Action.PUT_TO_DECISION, new TicketState(TicketStatus.ATD, SubStatus.DMF), null);
        driver.act(agent, rejected, Action.DECIDE_REJECTION, "Hors du périmètre du produit " + marker);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> published(rejected) != null && published(rejected).publication() == Publication.REJECTED);
        assertThat(published(rejected).answer()).isEqualTo("Hors du périmètre du produit " + marker);

        var unvalidated = fileAndTake("Solution sans réponse");
        driver.act(agent, unvalidated, Action.SEND_SOLUTION, "Une solution");
        driver.actAsSystem(unvalidated, Action.CLOSE_WITHOUT_VALIDATION);
        var abandoned = fileAndTake("Question sans réponse");
        driver.act(agent, abandoned, Action.ASK_SITE, "Une question");
        driver.actAsSystem(abandoned, Action.ABANDON);
        var excluded = fileAndTake("Deux problèmes");
        driver.act(agent, excluded, Action.EXCLUDE, "Un problème par demande");
        var notPublishing = driver.category("Sifac privé " + marker, product, false, team);
        var quiet = driver.file(
                correspondent, establishment, notPublishing, null, null, null, "Catégorie privée " + marker, "Texte");
        driver.solveAndValidate(agent, correspondent, quiet, "Solution privée");
        var known =
                driver.file(correspondent, establishment, publishing, null, null, null, "Témoin " + marker, "Texte");
        driver.solveAndValidate(agent, correspondent, known, "Solution publique");
        awaitPublished(known);

        assertThat(numbers(marker)).containsExactlyInAnyOrder(knownIssue.value(), rejected.value(), known.value());
        for (var never : List.of(unvalidated, abandoned, excluded, quiet)) {
            assertThat(published(never)).as("ticket %s", never.value()).isNull();
        }
    }

    @Test
    void aKnownIssueShowsNoRefusedSolutionAndLeavesTheBaseWhileItsAnswerAwaitsValidation() {
        var ticket = driver.file(
                correspondent,
                establishment,
                publishing,
                null,
                "DSI-" + marker,
                null,
                "Arrondis " + marker,
                "Écart d'arrondi, voir notre ticket DSI-" + marker + ".");
        driver.act(agent, ticket, Action.TAKE, null);
        driver.act(agent, ticket, Action.SEND_SOLUTION, "Solution refusée " + marker);
        driver.act(correspondent, ticket, Action.REFUSE_SOLUTION, "Cela ne marche pas");
        driver.act(agent, ticket, Action.PUT_TO_DECISION, new TicketState(TicketStatus.ATD, SubStatus.DMF), null);

        var sheet = awaitPublished(ticket);
        assertThat(sheet.publication()).isEqualTo(Publication.KNOWN_ISSUE);
        assertThat(sheet.answer())
                .as("the solution the site refused is not the answer")
                .isNull();
        assertThat(sheet.description())
                .as("the site's own reference")
                .isEqualTo("Écart d'arrondi, voir notre ticket [référence].");

        driver.act(agent, ticket, Action.DECIDE_ANSWER, "Réponse à valider " + marker);
        await().atMost(Duration.ofSeconds(10)).until(() -> published(ticket) == null);
        assertThat(numbers(marker))
                .as("waiting for the site's validation: not in the base")
                .isEmpty();
        driver.act(correspondent, ticket, Action.VALIDATE_SOLUTION, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> published(ticket) != null);
        assertThat(published(ticket).answer()).isEqualTo("Réponse à valider " + marker);
        assertThat(published(ticket).publication()).isEqualTo(Publication.SOLVED);
    }

    @Test
    void anyoneTheDatabaseKnowsIsRedactedWhereClearlyNamedEvenWithoutAccents() {
        // a name of letters only, unique to this test
        var lastName = "Ébrard"
                + marker.substring(2, 8)
                        .chars()
                        .map(c -> Character.isDigit(c) ? 'g' + c - '0' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        accounts.createVerified(
                People.uniqueEmail("ailleurs.test"),
                Civility.MADAME,
                lastName,
                "Hélène",
                null,
                false,
                People.GOOD_PASSWORD);
        var unaccented = Normalizer.normalize(lastName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        var ticket = driver.file(
                correspondent,
                establishment,
                publishing,
                null,
                null,
                null,
                "Mandats " + marker,
                "Vu avec Helene " + unaccented + " puis avec M. " + lastName.toUpperCase() + " ; un petit écart.");
        driver.act(agent, ticket, Action.TAKE, null);
        driver.act(agent, ticket, Action.PUT_TO_DECISION, new TicketState(TicketStatus.ATD, SubStatus.DMF), null);
        assertThat(awaitPublished(ticket).description()).isEqualTo("Vu avec [nom] puis avec [nom] ; un petit écart.");
    }

    @Test
    void someoneWhoLeavesTheSiteStaysRedactedInWhatWasPublished() {
        var colleague = accounts.createVerified(
                People.uniqueEmail("ailleurs.test"),
                Civility.MONSIEUR,
                "Quéméner",
                "Pierrick",
                establishment,
                false,
                People.GOOD_PASSWORD);
        driver.nameCorrespondent(establishment, product, colleague);
        var ticket = driver.file(
                correspondent,
                establishment,
                publishing,
                null,
                null,
                null,
                "Budget rectificatif " + marker,
                "Pierrick a constaté l'écart le premier.");
        driver.act(agent, ticket, Action.TAKE, null);
        driver.act(agent, ticket, Action.PUT_TO_DECISION, new TicketState(TicketStatus.ATD, SubStatus.DMF), null);
        assertThat(awaitPublished(ticket).description()).isEqualTo("[nom] a constaté l'écart le premier.");

        driver.removeCorrespondent(establishment, product, colleague);
        driver.requalify(agent, ticket, "Budget");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "Budget".equals(published(ticket).domain()));
        assertThat(published(ticket).description())
                .as("no longer among the ticket's people, still redacted")
                .isEqualTo("[nom] a constaté l'écart le premier.");
    }

    @Test
    void aCategoryThatStopsPublishingTakesItsClosedSheetsOutOfTheBase() {
        var ticket = driver.file(
                correspondent, establishment, publishing, null, null, null, "Clôture annuelle " + marker, "Texte");
        driver.solveAndValidate(agent, correspondent, ticket, "Solution");
        awaitPublished(ticket);

        driver.publishes(agent, publishing, "Sifac " + marker, product, team, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> published(ticket) == null);
        driver.publishes(agent, publishing, "Sifac " + marker, product, team, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> published(ticket) != null);
    }

    @Test
    void aPublishedSheetFollowsItsTicketsStatus() {
        var issue = fileAndTake("Arrondi des montants");
        driver.act(agent, issue, Action.PUT_TO_DECISION, new TicketState(TicketStatus.ATD, SubStatus.DMF), null);
        awaitPublished(issue);
        driver.act(agent, issue, Action.DECIDE_DEVELOPMENT, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> published(issue).status() == TicketStatus.ADV);
        assertThat(numbers(marker)).containsExactly(issue.value());
    }

    private TicketId fileAndTake(String title) {
        var ticket = driver.file(
                correspondent, establishment, publishing, null, null, null, title + " " + marker, "Texte de " + title);
        driver.act(agent, ticket, Action.TAKE, null);
        return ticket;
    }

    private SheetView published(TicketId ticket) {
        return search.sheet(ticket.value()).orElse(null);
    }

    private SheetView awaitPublished(TicketId ticket) {
        await().atMost(Duration.ofSeconds(10)).until(() -> published(ticket) != null);
        return published(ticket);
    }

    private List<Long> numbers(String words) {
        return search.search(KnowledgeQuery.words(words)).sheets().stream()
                .map(SheetView::number)
                .toList();
    }
}
