package fr.guichet.helpdesk.tickets;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.documents.TestFiles;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.ContractorId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.helpdesk.tickets.attachments.TicketAttachments;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * One level-2 ticket of establishment E, handed to contractor company K, with a screenshot, × who
 * asks, through the pages and the API: its correspondent, the handling team's agent and K's agent
 * reach it; another establishment's correspondent of the same product, a member of E who is not a
 * correspondent and the agent of a contractor company it was not handed to get 404, as if it did
 * not exist, and never find it in search results; anonymous visitors are sent to sign in (pages)
 * or get 401 (API). Outcomes: O reached (whatever the act's own answer), H hidden, L sign-in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpdeskMatrixTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    enum Persona {
        CORRESPONDENT,
        AGENT,
        CONTRACTOR,
        OTHER_SITE_CORRESPONDENT,
        MEMBER_NOT_CORRESPONDENT,
        OTHER_CONTRACTOR,
        /** filed the ticket as E's correspondent, then left E (still of another establishment, signed in since before) */
        FORMER_CORRESPONDENT,
        ANONYMOUS
    }

    record Row(String name, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, boolean api, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    ReferenceSetup reference;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFiling filing;

    @Autowired
    TicketActs acts;

    @Autowired
    TicketSideActs sideActs;

    @Autowired
    TicketAttachments attachments;

    final Map<Persona, Visitor> visitors = new EnumMap<>(Persona.class);
    final Map<Persona, String> tokens = new EnumMap<>(Persona.class);
    long ticket;
    long attachment;

    @BeforeAll
    void aTicketHandedToAContractor() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var domain = People.uniqueDomain();
        var otherDomain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Matrice " + domain, "M", Set.of(domain));
        var other = organizations.createEstablishment("Autre " + otherDomain, "A", Set.of(otherDomain));
        var product = reference.defineProduct("HARP-" + suffix, "Harpège " + suffix, null);
        var version = reference.defineVersion(product, "3.2", true);
        reference.validateInstalledVersion(establishment, product, version, null);
        reference.validateInstalledVersion(other, product, version, null);
        var correspondent = person(Persona.CORRESPONDENT, People.uniqueEmail(domain), establishment);
        reference.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL, null);
        reference.nameCorrespondent(
                other,
                product,
                person(Persona.OTHER_SITE_CORRESPONDENT, People.uniqueEmail(otherDomain), other),
                CorrespondentKind.FUNCTIONAL,
                null);
        person(Persona.MEMBER_NOT_CORRESPONDENT, People.uniqueEmail(domain), establishment);
        var former = person(Persona.FORMER_CORRESPONDENT, People.uniqueEmail(domain), establishment);
        accounts.join(former, other, "-");
        reference.nameCorrespondent(establishment, product, former, CorrespondentKind.TECHNICAL, null);
        var agent = person(Persona.AGENT, People.uniqueEmail("agence.test"), null);
        accounts.makeAgent(agent);
        var contractor = reference.defineContractor(
                "Presta " + suffix, List.of(person(Persona.CONTRACTOR, People.uniqueEmail("k.test"), null)));
        reference.defineContractor(
                "Autre presta " + suffix,
                List.of(person(Persona.OTHER_CONTRACTOR, People.uniqueEmail("l.test"), null)));
        visitors.put(Persona.ANONYMOUS, new Visitor(mvc));
        var category = reference.defineCategory(
                null,
                "Harpège " + suffix,
                product,
                true,
                false,
                false,
                true,
                true,
                reference.defineTeam("Harpège " + suffix, List.of(agent)));
        var id = filing.fileLevelTwo(
                former,
                establishment,
                new LevelTwoForm(
                        new CategoryId(category),
                        Priority.BLOCKING,
                        null,
                        Nature.TECHNICAL,
                        null,
                        null,
                        "Carrières en erreur",
                        "Le calcul des carrières échoue.",
                        null));
        ticket = id.value();
        attachment = attachments.attach(correspondent, id, "capture.png", new ByteArrayInputStream(TestFiles.png()));
        acts.act(agent, id, Action.TAKE, null, null, null);
        acts.act(
                agent,
                id,
                Action.HAND_TO_CONTRACTOR,
                null,
                null,
                new Assignment.ToContractor(new ContractorId(contractor)));
        accounts.leave(former, establishment, null, "-");
    }

    Stream<Arguments> cells() {
        var t = "/demandes/" + ticket;
        var a = "/api/v1/tickets/" + ticket;
        var reached = "O O O H H H H L";
        var rows = Stream.of(
                new Row("GET ticket page", () -> get(t), false, reached),
                new Row("GET attachment", () -> get(t + "/pieces/" + attachment), false, reached),
                new Row(
                        "POST act",
                        () -> post(t + "/actions")
                                .param("action", "VALIDATE_SOLUTION")
                                .with(csrf()),
                        false,
                        reached),
                new Row(
                        "POST complement",
                        () -> post(t + "/complements").param("text", " ").with(csrf()),
                        false,
                        reached),
                new Row(
                        "POST requalification",
                        () -> post(t + "/requalification").with(csrf()),
                        false,
                        reached),
                new Row(
                        "POST deadlines",
                        () -> post(t + "/echeances").param("days", "0").with(csrf()),
                        false,
                        reached),
                new Row("POST link", () -> post(t + "/liens").with(csrf()), false, reached),
                new Row("POST attachment", () -> multipart(t + "/pieces").with(csrf()), false, reached),
                new Row("POST bookmark", () -> post(t + "/signet").with(csrf()), false, reached),
                new Row("API read", () -> get(a), true, reached),
                new Row(
                        "API transition",
                        () -> post(a + "/transitions")
                                .contentType("application/json")
                                .content("{\"action\": \"VALIDATE_SOLUTION\"}"),
                        true,
                        reached),
                new Row("API attachments", () -> get(a + "/attachments"), true, reached),
                new Row("API attachment", () -> get(a + "/attachments/" + attachment), true, reached),
                new Row(
                        "API attach",
                        () -> multipart(a + "/attachments")
                                .file(new MockMultipartFile("file", "vide.txt", "text/plain", new byte[0])),
                        true,
                        reached));
        return rows.flatMap(row -> Stream.of(Persona.values()).map(p -> Arguments.of(row, p)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void onlyTheTicketsPeopleReachIt(Row row, Persona persona) throws Exception {
        var expected = row.expected().split(" ")[persona.ordinal()];
        var request = row.request().get();
        if (row.api() && tokens.containsKey(persona)) {
            request.header("Authorization", "Bearer " + tokens.get(persona));
        }
        var response = (row.api() ? new Visitor(mvc) : visitors.get(persona))
                .perform(request)
                .andReturn()
                .getResponse();
        var status = response.getStatus();
        switch (expected) {
            case "O" -> {
                assertThat(status).as("%s as %s", row, persona).isNotIn(401, 403, 404, 500);
                if (status == 302) {
                    assertThat(response.getRedirectedUrl()).doesNotEndWith("/connexion");
                }
            }
            case "H" -> assertThat(status).as("%s as %s", row, persona).isEqualTo(404);
            case "L" -> {
                if (row.api()) {
                    assertThat(status).as("%s as %s", row, persona).isEqualTo(401);
                } else {
                    assertThat(response.getRedirectedUrl())
                            .as("%s as %s", row, persona)
                            .endsWith("/connexion");
                }
            }
            default -> throw new IllegalStateException(expected);
        }
        assertThat(response.getContentAsString())
                .as("no internals")
                .doesNotContain("Exception")
                .doesNotContain("at fr.guichet");
    }

    @ParameterizedTest
    @EnumSource(value = Persona.class, names = "ANONYMOUS", mode = EnumSource.Mode.EXCLUDE)
    void searchResultsHoldTheTicketOnlyForThoseWhoReachIt(Persona persona) throws Exception {
        var reaches =
                Set.of(Persona.CORRESPONDENT, Persona.AGENT, Persona.CONTRACTOR).contains(persona);
        for (var words : List.of(String.valueOf(ticket), "carrières")) {
            var page = Jsoup.parse(visitors.get(persona)
                    .perform(get("/demandes/recherche").param("q", words))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            var links = page.select("[data-testid=results] a").eachAttr("href");
            var api = new Visitor(mvc)
                    .perform(get("/api/v1/tickets")
                            .param("q", words)
                            .header("Authorization", "Bearer " + tokens.get(persona)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Integer> numbers = JsonPath.read(api, "$.tickets[*].id");
            if (reaches) {
                assertThat(links).as("%s searching %s", persona, words).contains("/demandes/" + ticket);
                assertThat(numbers).contains((int) ticket);
            } else {
                assertThat(links).as("%s searching %s", persona, words).doesNotContain("/demandes/" + ticket);
                assertThat(numbers).doesNotContain((int) ticket);
            }
        }
    }

    private AccountId person(Persona persona, String email, OrganizationId organization) throws Exception {
        var id = accounts.createVerified(
                email, Civility.MADAME, persona.name().replace('_', ' '), "Test", organization, false, GOOD_PASSWORD);
        var visitor = Visitor.signedIn(mvc, email);
        visitors.put(persona, visitor);
        tokens.put(persona, visitor.apiToken());
        return id;
    }
}
