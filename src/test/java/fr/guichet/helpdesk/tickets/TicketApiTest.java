package fr.guichet.helpdesk.tickets;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /api/v1/tickets: the same rules as the pages, problem details for refusals. */
@IntegrationTest
class TicketApiTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    ReferenceSetup reference;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Test
    void theOpenApiDocumentDescribesTheTicketApi() throws Exception {
        var document =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();

        assertThat(document)
                .contains(
                        "/api/v1/tickets",
                        "/api/v1/tickets/{number}",
                        "/api/v1/tickets/{number}/transitions",
                        "/api/v1/tickets/{number}/attachments",
                        "/api/v1/tickets/{number}/attachments/{attachment}",
                        "agentId",
                        "teamId",
                        "openedFrom");
    }

    @Test
    void aCorrespondentFilesAnAgentTakesItAndEveryRefusalSaysWhy() throws Exception {
        var domain = People.uniqueDomain();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        var correspondentEmail = People.uniqueEmail(domain);
        var correspondent = accounts.createVerified(
                correspondentEmail, Civility.MADAME, "Api", "Ada", establishment, false, GOOD_PASSWORD);
        var product = reference.defineProduct("SIHAM-" + suffix, "Siham " + suffix, null);
        reference.validateInstalledVersion(establishment, product, reference.defineVersion(product, "5.2", true), null);
        reference.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.TECHNICAL, null);
        var agentEmail = People.uniqueEmail("agence.test");
        var agent = accounts.createVerified(agentEmail, Civility.MONSIEUR, "Agent", "Api", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var category = reference.defineCategory(
                null,
                "Siham " + suffix,
                product,
                true,
                false,
                false,
                true,
                true,
                reference.defineTeam("Siham " + suffix, List.of(agent)));
        var correspondentToken = Visitor.signedIn(mvc, correspondentEmail).apiToken();
        var agentToken = Visitor.signedIn(mvc, agentEmail).apiToken();

        var created = call(post("/api/v1/tickets"), correspondentToken, """
                {"categoryId": %d, "establishmentId": %d, "priority": "NON_BLOCKING", "nature": "TECHNICAL",
                 "title": "Paie bloquée", "description": "Le calcul s’arrête."}""".formatted(category, establishment.value()));
        assertThat(created.getStatus()).isEqualTo(201);
        long number =
                JsonPath.<Number>read(created.getContentAsString(), "$.number").longValue();
        assertThat(JsonPath.<String>read(created.getContentAsString(), "$.state.status"))
                .isEqualTo("ECT");

        var read = call(get("/api/v1/tickets/" + number), agentToken, null);
        assertThat(JsonPath.<List<String>>read(read.getContentAsString(), "$.acts[*].action"))
                .contains("TAKE", "EXCLUDE");
        assertThat(JsonPath.<String>read(read.getContentAsString(), "$.ticket.versionLabel"))
                .isEqualTo("5.2");

        // the requester side completes its ticket: an exchange, the state unchanged; empty is refused
        var completed = call(
                post("/api/v1/tickets/" + number + "/transitions"),
                correspondentToken,
                "{\"action\": \"COMPLEMENT\", \"text\": \"Le poste a été redémarré.\"}");
        assertThat(completed.getStatus()).isEqualTo(200);
        assertThat(JsonPath.<String>read(completed.getContentAsString(), "$.state.status"))
                .isEqualTo("ECT");
        assertThat(JsonPath.<List<String>>read(
                        call(get("/api/v1/tickets/" + number), agentToken, null)
                                .getContentAsString(StandardCharsets.UTF_8),
                        "$.exchanges[*].text"))
                .contains("Le poste a été redémarré.");
        var emptyComplement = call(
                post("/api/v1/tickets/" + number + "/transitions"),
                correspondentToken,
                "{\"action\": \"COMPLEMENT\", \"text\": \" \"}");
        assertThat(emptyComplement.getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(emptyComplement.getContentAsString(StandardCharsets.UTF_8), "$.detail"))
                .isNotBlank()
                .doesNotContain("Exception");

        var taken = call(post("/api/v1/tickets/" + number + "/transitions"), agentToken, "{\"action\": \"TAKE\"}");
        assertThat(JsonPath.<String>read(taken.getContentAsString(), "$.state.sub"))
                .isEqualTo("INT");
        var notHis = call(
                post("/api/v1/tickets/" + number + "/transitions"),
                correspondentToken,
                "{\"action\": \"SEND_SOLUTION\", \"text\": \"Moi-même\"}");
        assertThat(notHis.getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(notHis.getContentAsString(StandardCharsets.UTF_8), "$.detail"))
                .isEqualTo("Cette action n’est pas possible sur cette demande dans son état actuel.");
        assertThat(JsonPath.<List<Object>>read(
                        call(get("/api/v1/tickets"), correspondentToken, null).getContentAsString(),
                        "$.tickets[?(@.id == " + number + ")]"))
                .hasSize(1);

        var strangerEmail = People.uniqueEmail(domain);
        accounts.createVerified(strangerEmail, Civility.MONSIEUR, "Autre", "Api", establishment, false, GOOD_PASSWORD);
        assertThat(call(
                                get("/api/v1/tickets/" + number),
                                Visitor.signedIn(mvc, strangerEmail).apiToken(),
                                null)
                        .getStatus())
                .isEqualTo(404);
        var notCorrespondent = call(
                post("/api/v1/tickets"), Visitor.signedIn(mvc, strangerEmail).apiToken(), """
                {"categoryId": %d, "establishmentId": %d, "priority": "BLOCKING", "nature": "TECHNICAL",
                 "title": "Essai", "description": "Essai"}""".formatted(
                                category, establishment.value()));
        assertThat(notCorrespondent.getStatus()).isEqualTo(409);
        assertThat(call(
                                post("/api/v1/tickets/" + number + "/transitions"),
                                Visitor.signedIn(mvc, strangerEmail).apiToken(),
                                "{\"action\": \"COMPLEMENT\", \"text\": \"Intrus\"}")
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void invisibleCharactersAndNulAreLeftOutOfWhatTheApiFilesAndLineBreaksStay() throws Exception {
        var domain = People.uniqueDomain();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        var email = People.uniqueEmail(domain);
        var correspondent =
                accounts.createVerified(email, Civility.MADAME, "Api", "Inès", establishment, false, GOOD_PASSWORD);
        var product = reference.defineProduct("SIFAC-" + suffix, "Sifac " + suffix, null);
        reference.validateInstalledVersion(establishment, product, reference.defineVersion(product, "1.0", true), null);
        reference.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.TECHNICAL, null);
        var agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MONSIEUR, "Agent", "Api", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var category = reference.defineCategory(
                null,
                "Sifac " + suffix,
                product,
                true,
                false,
                false,
                true,
                true,
                reference.defineTeam("Sifac " + suffix, List.of(agent)));
        var token = Visitor.signedIn(mvc, email).apiToken();

        var created = call(post("/api/v1/tickets"), token, """
                {"categoryId": %d, "establishmentId": %d, "priority": "NON_BLOCKING", "nature": "TECHNICAL",
                 "title": "Mandat\\u202E rejeté\\u0000", "messageCode": "\\u200EORA-01403",
                 "description": "Étapes :\\r\\n\\t1. saisir\\u0000 le mandat\\u2067\\n\\t2. valider"}""".formatted(category, establishment.value()));

        assertThat(created.getStatus()).as("filed, not an error").isEqualTo(201);
        long number =
                JsonPath.<Number>read(created.getContentAsString(), "$.number").longValue();
        var read = call(get("/api/v1/tickets/" + number), token, null).getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(read, "$.ticket.title")).isEqualTo("Mandat rejeté");
        assertThat(JsonPath.<String>read(read, "$.ticket.messageCode")).isEqualTo("ORA-01403");
        assertThat(JsonPath.<String>read(read, "$.ticket.description"))
                .isEqualTo("Étapes :\r\n\t1. saisir le mandat\n\t2. valider");
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token, String body)
            throws Exception {
        request.header("Authorization", "Bearer " + token).header("Accept-Language", "fr");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
