package fr.guichet;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.jayway.jsonpath.JsonPath;
import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.documents.TestFiles;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A client of the API reads an identifier as the number it is, and the OpenAPI document says so; one
 * that sends something else where an identifier goes is told its request is malformed.
 */
@IntegrationTest
class TypedIdsInTheApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    HelpdeskSetup helpdesk;

    @Autowired
    ServiceCatalogue services;

    @Test
    void aTicketsIdAndRequesterAreNumbers() throws Exception {
        var marker = UUID.randomUUID().toString().substring(0, 8);
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        var email = People.uniqueEmail(domain);
        var correspondent =
                accounts.createVerified(email, Civility.MADAME, "Nombre", "Nina", establishment, false, GOOD_PASSWORD);
        var product = helpdesk.product("NUM-" + marker, "Numéros " + marker, null, List.of("1.0"), List.of(true));
        helpdesk.installedVersion(establishment, product, "1.0");
        helpdesk.correspondent(establishment, product, correspondent, CorrespondentKind.TECHNICAL);
        var team = helpdesk.team("Numéros " + marker, List.of());
        var category = helpdesk.levelTwoCategory("Numéros " + marker, product, team);
        var ticket = helpdesk.levelTwoTicket(
                correspondent,
                establishment,
                category,
                Priority.NON_BLOCKING,
                Nature.TECHNICAL,
                null,
                "Un numéro " + marker,
                "Lu comme un nombre.");

        var listed = read(get("/api/v1/tickets"), Visitor.signedIn(mvc, email).apiToken());

        List<Map<String, Object>> tickets =
                JsonPath.read(listed, "$.tickets[?(@.title == 'Un numéro " + marker + "')]");
        assertThat(tickets).singleElement().satisfies(t -> {
            assertThat(t.get("id")).isInstanceOf(Number.class);
            assertThat(((Number) t.get("id")).longValue()).isEqualTo(ticket.value());
            assertThat(((Number) t.get("requester")).longValue()).isEqualTo(correspondent.value());
        });
    }

    @Test
    void aDocumentsIdIsANumber() throws Exception {
        var service = services.define(new ServiceDefinition(
                "N" + Math.abs(System.nanoTime() % 1_000_000_000L),
                "Numéros",
                null,
                InterestDomain.PURCHASING,
                DecidedBy.SUPER_ADMINS,
                true));
        var staffEmail = People.uniqueEmail();
        accounts.createVerified(staffEmail, Civility.MADAME, "Agence", "Ada", null, true, GOOD_PASSWORD);
        var token = Visitor.signedIn(mvc, staffEmail).apiToken();
        var uploaded = read(
                multipart("/api/v1/services/" + service.value() + "/documents")
                        .file(new MockMultipartFile("file", "notice.pdf", "application/pdf", TestFiles.pdf("Notice")))
                        .param("area", "ESTABLISHMENTS")
                        .param("family", "BUSINESS")
                        .param("title", "Notice"),
                token);
        long document = JsonPath.<Number>read(uploaded, "$.id").longValue();

        var space = read(get("/api/v1/services/" + service.value() + "/documents"), token);

        assertThat(JsonPath.<List<Object>>read(space, "$.areas[*].families[*].folders[*].documents[*].id"))
                .singleElement()
                .isInstanceOf(Number.class)
                .satisfies(id -> assertThat(((Number) id).longValue()).isEqualTo(document));
    }

    @Test
    void theOpenApiDocumentTypesIdentifiersAsIntegers() throws Exception {
        var document =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();

        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.TicketView.properties.id"))
                .containsEntry("type", "integer")
                .containsEntry("format", "int64");
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.TicketView.properties.requester"))
                .containsEntry("type", "integer")
                .containsEntry("format", "int64");
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.Entry.properties.id"))
                .containsEntry("type", "integer")
                .containsEntry("format", "int64");
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas"))
                .doesNotContainKeys("TicketId", "AccountId", "DocumentId");
    }

    @Test
    void anIdThatIsNotANumberIsABadRequestTheClientCanRead() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MADAME, "Lettres", "Lea", null, false, GOOD_PASSWORD);
        var token = Visitor.signedIn(mvc, email).apiToken();

        for (var uri : List.of(
                "/api/v1/tickets/abc",
                "/api/v1/tickets/12abc/attachments",
                "/api/v1/services/abc",
                "/api/v1/services/abc/documents",
                "/api/v1/organizations/abc",
                "/api/v1/organizations/99999999999999999999999",
                "/api/v1/access-requests?establishment=abc",
                "/api/v1/tickets?product=abc",
                "/api/v1/kb/abc")) {
            for (var language : List.of("fr", "en")) {
                malformed(uri, token, language);
            }
        }
    }

    /** As a client reads the answer: its status, its type, and the problem in the caller's language. */
    private void malformed(String uri, String token, String language) throws Exception {
        var response = mvc.perform(
                        get(uri).header("Authorization", "Bearer " + token).header("Accept-Language", language))
                .andReturn()
                .getResponse();
        var what = uri + " in " + language;

        assertThat(response.getStatus()).as(what).isEqualTo(400);
        assertThat(MediaType.parseMediaType(response.getContentType())
                        .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(what)
                .isTrue();
        var body = response.getContentAsString(StandardCharsets.UTF_8);
        var french = language.equals("fr");
        assertThat(JsonPath.<Integer>read(body, "$.status")).as(what).isEqualTo(400);
        assertThat(JsonPath.<String>read(body, "$.title"))
                .as(what)
                .isEqualTo(french ? "Requête incorrecte" : "Bad request");
        assertThat(JsonPath.<String>read(body, "$.detail"))
                .as(what)
                .isEqualTo(
                        french
                                ? "La requête est incomplète ou mal formée."
                                : "The request is incomplete or malformed.");
        assertThat(body).as(what).doesNotContain("Exception", "NumberFormat", "trace", "java.", "errorId");
    }

    private String read(AbstractMockHttpServletRequestBuilder<?> request, String token) throws Exception {
        var response = mvc.perform(request.header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isBetween(200, 201);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
