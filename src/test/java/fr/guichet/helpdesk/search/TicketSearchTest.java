package fr.guichet.helpdesk.search;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.ContractorId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.helpdesk.tickets.Assignment;
import fr.guichet.helpdesk.tickets.LevelTwoForm;
import fr.guichet.helpdesk.tickets.Ticket;
import fr.guichet.helpdesk.tickets.TicketActs;
import fr.guichet.helpdesk.tickets.TicketFiling;
import fr.guichet.helpdesk.tickets.TicketSideActs;
import fr.guichet.helpdesk.tickets.Tickets;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.search.mapper.orm.Search;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The private ticket index: French words, exact message codes, filters, pages, and above all that
 * a reader finds only the tickets he may open (the same people as {@link Tickets#rolesOf}).
 */
@IntegrationTest
class TicketSearchTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    TicketSearch search;

    @Autowired
    Tickets tickets;

    @Autowired
    Clock clock;

    @Autowired
    TicketFiling filing;

    @Autowired
    TicketActs acts;

    @Autowired
    TicketSideActs sideActs;

    @Autowired
    ReferenceSetup reference;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    TicketIndex index;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    MockMvc mvc;

    /** A word no other test's ticket holds: every search below is confined to this test's tickets. */
    String marker;

    String correspondentEmail;
    AccountId correspondent;
    AccountId colleague;
    AccountId otherSiteCorrespondent;
    AccountId agent;
    AccountId otherTeamAgent;
    AccountId contractorAgent;
    OrganizationId establishment;
    OrganizationId otherEstablishment;
    ProductId product;
    long contractor;
    long category;

    @BeforeEach
    void twoSitesOneProduct() {
        marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var domain = People.uniqueDomain();
        var otherDomain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        otherEstablishment = organizations.createEstablishment("Université " + otherDomain, "U", Set.of(otherDomain));
        product = reference.defineProduct("SIFAC-" + marker, "Sifac " + marker, null);
        var version = reference.defineVersion(product, "2026.1", true);
        reference.validateInstalledVersion(establishment, product, version, null);
        reference.validateInstalledVersion(otherEstablishment, product, version, null);
        correspondentEmail = People.uniqueEmail(domain);
        correspondent = accounts.createVerified(
                correspondentEmail, Civility.MADAME, "Lefèvre", "Claire", establishment, false, GOOD_PASSWORD);
        colleague = person(establishment, domain, "Durand" + marker);
        otherSiteCorrespondent = person(otherEstablishment, otherDomain, "Autre");
        reference.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL, null);
        reference.nameCorrespondent(establishment, product, colleague, CorrespondentKind.TECHNICAL, null);
        reference.nameCorrespondent(
                otherEstablishment, product, otherSiteCorrespondent, CorrespondentKind.FUNCTIONAL, null);
        agent = staff("Agent");
        otherTeamAgent = staff("Ailleurs");
        reference.defineTeam("Autre équipe " + marker, List.of(otherTeamAgent));
        contractorAgent = accounts.createVerified(
                People.uniqueEmail("presta.test"), Civility.MONSIEUR, "Presta", "Paul", null, false, GOOD_PASSWORD);
        contractor = reference.defineContractor("Prestataire " + marker, List.of(contractorAgent));
        category = reference.defineCategory(
                null,
                "Sifac " + marker,
                product,
                true,
                false,
                false,
                true,
                true,
                reference.defineTeam("Sifac " + marker, List.of(agent)));
    }

    @Test
    void frenchWordsFindTheirAccentsPluralsAndStemsAndCodesMatchWhole() {
        var payments = file(
                correspondent,
                establishment,
                "Mandats de paiements rejetés " + marker,
                "L'état des dépenses n'apparaît pas.",
                "ORA-01403");
        var other =
                file(correspondent, establishment, "Budget rectificatif " + marker, "Les crédits sont gelés.", "FB60");

        assertThat(numbers(correspondent, marker + " paiement")).as("plural").containsExactly(payments);
        assertThat(numbers(correspondent, marker + " etat"))
                .as("accent, elision")
                .containsExactly(payments);
        assertThat(numbers(correspondent, marker + " rejete"))
                .as("accent and ending")
                .containsExactly(payments);
        assertThat(numbers(correspondent, "ORA-01403"))
                .as("a message code, whole")
                .contains(payments)
                .doesNotContain(other);
        assertThat(numbers(correspondent, "fb60"))
                .as("whatever the case")
                .contains(other)
                .doesNotContain(payments);
        assertThat(numbers(correspondent, marker)).containsExactly(other, payments);
        assertThat(numbers(correspondent, String.valueOf(payments)))
                .as("a number")
                .contains(payments);
        assertThat(numbers(correspondent, "#" + payments)).contains(payments);
    }

    @Test
    void eachReaderFindsOnlyTheTicketsHeMayOpen() {
        var filed =
                file(correspondent, establishment, "Écriture de clôture " + marker, "Impossible de clôturer.", null);
        var elsewhere = file(
                otherSiteCorrespondent,
                otherEstablishment,
                "Écriture d'ouverture " + marker,
                "Ouverture impossible.",
                null);

        assertThat(numbers(correspondent, marker))
                .as("his establishment's, not the other's")
                .containsExactly(filed);
        assertThat(numbers(colleague, marker))
                .as("a fellow correspondent of the product")
                .containsExactly(filed);
        assertThat(numbers(otherSiteCorrespondent, marker)).containsExactly(elsewhere);
        assertThat(numbers(otherSiteCorrespondent, String.valueOf(filed)))
                .as("not even by its number")
                .doesNotContain(filed);
        assertThat(numbers(agent, marker)).as("the team's agent").containsExactly(elsewhere, filed);
        assertThat(numbers(otherTeamAgent, marker)).as("another team's agent").isEmpty();
        assertThat(numbers(contractorAgent, marker))
                .as("a contractor, before any hand-over")
                .isEmpty();
        var member = person(establishment, People.uniqueDomain(), "Membre");
        assertThat(numbers(member, marker))
                .as("a member who is no correspondent")
                .isEmpty();

        acts.act(agent, new TicketId(filed), Action.TAKE, null, null, null);
        acts.act(
                agent,
                new TicketId(filed),
                Action.HAND_TO_CONTRACTOR,
                null,
                null,
                new Assignment.ToContractor(new ContractorId(contractor)));
        assertThat(numbers(contractorAgent, marker)).as("handed to his company").containsExactly(filed);
        acts.act(agent, new TicketId(filed), Action.TAKE_BACK, null, null, null);
        assertThat(numbers(contractorAgent, marker))
                .as("taken back from his company")
                .isEmpty();
    }

    @Test
    void filtersNarrowAndResultsComeByPages() {
        for (var i = 0; i < TicketQuery.PAGE_SIZE + 2; i++) {
            file(correspondent, establishment, "Lot " + i + " " + marker, "Description " + i, null);
        }
        var byColleague = file(colleague, establishment, "Relevé bancaire " + marker, "Relevé absent.", null);
        acts.act(agent, new TicketId(byColleague), Action.TAKE, null, null, null);

        var first = search.search(correspondent, query(marker, null, null, 0));
        assertThat(first.total()).isEqualTo(TicketQuery.PAGE_SIZE + 3);
        assertThat(first.tickets()).hasSize(TicketQuery.PAGE_SIZE);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(search.search(correspondent, query(marker, null, null, 1)).tickets())
                .hasSize(3);

        assertThat(search.search(correspondent, query(marker, TicketStatus.ECT, null, 0))
                        .total())
                .isEqualTo(TicketQuery.PAGE_SIZE + 3);
        assertThat(search.search(correspondent, query(marker, TicketStatus.TER, null, 0))
                        .total())
                .isZero();
        assertThat(ids(search.search(
                        correspondent,
                        new TicketQuery(
                                marker, product.value(), null, null, TicketQuery.Kind.SIMPLE, null, null, null, 0))))
                .as("no simple request")
                .isEmpty();
        assertThat(ids(search.search(
                        correspondent,
                        new TicketQuery(marker, null, null, null, null, "durand" + marker, null, null, 0))))
                .as("by the contact's name")
                .containsExactly(byColleague);
        // the agency's day, as the search reads "filed on": near midnight UTC it is already tomorrow in Paris
        var today = LocalDate.now(clock);
        assertThat(search.search(correspondent, new TicketQuery(marker, null, null, null, null, null, today, today, 0))
                        .total())
                .isEqualTo(TicketQuery.PAGE_SIZE + 3);
        assertThat(search.search(
                                correspondent,
                                new TicketQuery(marker, null, null, null, null, null, today.plusDays(1), null, 0))
                        .total())
                .isZero();
        assertThat(search.search(
                                correspondent,
                                new TicketQuery(null, product.value(), null, null, null, null, null, null, 0))
                        .total())
                .as("without words: every ticket of the product he may see")
                .isEqualTo(TicketQuery.PAGE_SIZE + 3);
    }

    @Test
    void thePageAndTheApiAnswerTheSameAndRefuseNonsenseWithAMessage() throws Exception {
        var filed = file(
                correspondent, establishment, "Inventaire annuel " + marker, "Les immobilisations manquent.", null);
        var visitor = Visitor.signedIn(mvc, correspondentEmail);

        var page = Jsoup.parse(visitor.perform(get("/demandes/recherche").param("q", marker + " immobilisation"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("[data-testid=found]").text()).isEqualTo("Une demande correspond.");
        assertThat(page.select("[data-testid=results] a").eachText()).containsExactly("Inventaire annuel " + marker);

        var api = visitor.perform(get("/api/v1/tickets")
                        .param("q", marker)
                        .header("Authorization", "Bearer " + visitor.apiToken()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(api, "$.tickets[*].id")).containsExactly((int) filed);
        assertThat(JsonPath.<Integer>read(api, "$.total")).isEqualTo(1);

        var reversed = Jsoup.parse(visitor.perform(
                        get("/demandes/recherche").param("du", "2026-05-02").param("au", "2026-05-01"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(reversed.select("[data-testid=refusal]").text())
                .isEqualTo("La date de début doit précéder la date de fin.");
        var unknownStatus = visitor.perform(get("/demandes/recherche").param("statut", "XYZ"))
                .andReturn()
                .getResponse();
        assertThat(unknownStatus.getStatus()).isEqualTo(400);
        assertThat(unknownStatus.getContentAsString())
                .doesNotContain("Exception")
                .doesNotContain("at fr.guichet");
    }

    @Test
    void aSearchOfAThousandWordsIsRefusedWithAMessageNotAnError() throws Exception {
        var filed = file(correspondent, establishment, "Mandat " + marker, "Le mandat est rejeté.", null);
        var thousandWords = IntStream.range(0, 1000).mapToObj(i -> "mot" + i).collect(Collectors.joining(" "));
        var visitor = Visitor.signedIn(mvc, correspondentEmail);
        var token = visitor.apiToken();

        for (var language : List.of("fr", "en")) {
            var message = language.equals("fr")
                    ? "La recherche est trop longue : 200 caractères au plus."
                    : "The search is too long: 200 characters at most.";
            var page = visitor.perform(
                            get("/demandes/recherche").param("q", thousandWords).param("lang", language))
                    .andReturn()
                    .getResponse();
            assertThat(page.getStatus()).isEqualTo(400);
            var shown = Jsoup.parse(page.getContentAsString());
            assertThat(shown.select("[data-testid=refusal]").text())
                    .as(language)
                    .isEqualTo(message);
            assertThat(shown.select("form input[name=q]"))
                    .as("the form, to search again")
                    .hasSize(1);
            assertThat(shown.select("[data-testid=found]")).isEmpty();

            var api = visitor.perform(get("/api/v1/tickets")
                            .param("q", thousandWords)
                            .header("Authorization", "Bearer " + token)
                            .header("Accept-Language", language))
                    .andReturn()
                    .getResponse();
            assertThat(api.getStatus()).isEqualTo(400);
            assertThat(JsonPath.<String>read(api.getContentAsString(StandardCharsets.UTF_8), "$.detail"))
                    .isEqualTo(message);
            assertThat(api.getContentAsString()).doesNotContain("Exception").doesNotContain("Clause");
        }
        var longest = marker + " " + "中".repeat(200 - marker.length() - 1);
        assertThat(visitor.perform(get("/demandes/recherche").param("q", longest))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("200 characters, one word each: still a search")
                .isEqualTo(200);
        assertThat(numbers(correspondent, marker + " mandat")).containsExactly(filed);
    }

    @Test
    void aLostIndexIsRebuiltFromTheDatabase() {
        var filed = file(correspondent, establishment, "Reconstruction " + marker, "Index perdu.", null);
        Search.mapping(entityManagerFactory).scope(Ticket.class).workspace().purge();
        assertThat(index.indexed()).isZero();
        assertThat(numbers(correspondent, marker)).isEmpty();

        index.rebuildIfEmpty();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(numbers(correspondent, marker)).containsExactly(filed));
    }

    @Test
    void whatTheIndexMissedOfTheLastHourIsIndexedAgainAtStartUp() throws Exception {
        var filed = file(correspondent, establishment, "Rattrapage " + marker, "Perdu dans un arrêt brutal.", null);
        // as a crash in the second between the commit and the index's own: the document is not there
        var transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(tx -> {
            var em = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
            Search.session(em).indexingPlan().purge(Ticket.class, filed, null);
        });
        assertThat(numbers(correspondent, marker)).isEmpty();

        index.catchUp(Instant.now().minus(TicketIndex.CATCH_UP));
        index.catchUp(Instant.now().minus(TicketIndex.CATCH_UP));

        assertThat(numbers(correspondent, marker))
                .as("back, and once: an update, not an addition")
                .containsExactly(filed);
    }

    @Autowired
    PlatformTransactionManager transactionManager;

    private long file(AccountId person, OrganizationId site, String title, String description, String messageCode) {
        return filing.fileLevelTwo(
                        person,
                        site,
                        new LevelTwoForm(
                                new CategoryId(category),
                                Priority.NON_BLOCKING,
                                null,
                                Nature.FUNCTIONAL,
                                null,
                                messageCode,
                                title,
                                description,
                                null))
                .value();
    }

    private List<Long> numbers(AccountId reader, String words) {
        return ids(search.search(reader, query(words, null, null, 0)));
    }

    private static TicketQuery query(String words, TicketStatus status, TicketQuery.Kind kind, int page) {
        return new TicketQuery(words, null, status, null, kind, null, null, null, page);
    }

    private static List<Long> ids(TicketSearch.Found found) {
        return found.tickets().stream().map(t -> t.id().value()).toList();
    }

    private AccountId person(OrganizationId organization, String domain, String lastName) {
        return accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, lastName, "Jean", organization, false, GOOD_PASSWORD);
    }

    private AccountId staff(String lastName) {
        var id = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MADAME, lastName, "Alix", null, false, GOOD_PASSWORD);
        accounts.makeAgent(id);
        return id;
    }
}
