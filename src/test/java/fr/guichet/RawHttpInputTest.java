package fr.guichet;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.documents.TestFiles;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input that only a real server parses (a multipart part's headers, the Location header): a
 * message or a safe answer, never a 500.
 */
@ServerTest
class RawHttpInputTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    HelpdeskSetup helpdesk;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    TicketId ticket;
    HttpVisitor visitor;
    String token;

    @BeforeEach
    void aCorrespondentWithATicket() throws Exception {
        var domain = People.uniqueDomain();
        var marker = UUID.randomUUID().toString().substring(0, 6);
        var establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        var email = People.uniqueEmail(domain);
        var correspondent =
                accounts.createVerified(email, Civility.MADAME, "Brut", "Berthe", establishment, false, GOOD_PASSWORD);
        accounts.join(
                correspondent, organizations.createEstablishment("Autre " + domain, "A", Set.of("b" + domain)), "-");
        var product = helpdesk.product("P-" + marker, "P " + marker, null, List.of("1"), List.of(true));
        helpdesk.installedVersion(establishment, product, "1");
        helpdesk.correspondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL);
        var agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MONSIEUR, "Agent", "Brut", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var category = helpdesk.levelTwoCategory("P " + marker, product, helpdesk.team("P " + marker, List.of(agent)));
        ticket = helpdesk.levelTwoTicket(
                correspondent,
                establishment,
                category,
                Priority.NON_BLOCKING,
                Nature.FUNCTIONAL,
                null,
                "Avec pièce " + marker,
                "Voir la pièce.");
        visitor = new HttpVisitor(port);
        visitor.signIn(email, GOOD_PASSWORD);
        token = Jsoup.parse(visitor.submit("/compte/jetons", "/compte/jetons", Map.of("name", "brut"))
                        .body())
                .selectFirst("[data-testid=new-token]")
                .text();
    }

    @Test
    void aNulInAnUploadedFilesNameIsRefusedWithAMessageAndNothingIsAttached() throws Exception {
        // Tomcat refuses the whole body, before the application can leave the character out
        var named = "cap\u0000ture.png";
        for (var language : List.of("fr", "en")) {
            var api = http.send(
                    upload("/api/v1/tickets/" + ticket.value() + "/attachments", named)
                            .header("Authorization", "Bearer " + token)
                            .header("Accept-Language", language)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(400);
            assertThat(api.body())
                    .as(language)
                    .contains(
                            language.equals("fr")
                                    ? "Le fichier envoyé n’a pas pu être lu. Si son nom contient des caractères spéciaux, renommez-le puis recommencez."
                                    : "The file sent could not be read. If its name holds special characters, rename it and try again.")
                    .doesNotContain("Exception")
                    .doesNotContain("\\u0000");
        }
        var page = http.send(
                upload("/demandes/" + ticket.value() + "/pieces", named)
                        .header("Cookie", "GUICHET_SESSION=" + visitor.sessionCookie())
                        .header(
                                "X-CSRF-TOKEN",
                                Jsoup.parse(visitor.get("/compte").body())
                                        .selectFirst("meta[name=_csrf]")
                                        .attr("content"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(page.body()).select("[data-testid=error-detail]").text())
                .startsWith("Le fichier envoyé n’a pas pu être lu.");

        var listed = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/tickets/" + ticket.value() + "/attachments"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).as("nothing attached").isEqualTo("[]");
    }

    @Test
    void aLineBreakInTheSwitchsReturnAddressSendsHimToHisAccount() throws Exception {
        var csrf = Jsoup.parse(visitor.get("/compte").body())
                .selectFirst("form[action=\"/compte/organisation-active\"] input[name=_csrf]")
                .attr("value");
        var organization = Jsoup.parse(visitor.get("/compte").body())
                .selectFirst("[data-testid=acting-organization-choice] option:not([selected])")
                .attr("value");

        var answer = visitor.post(
                "/compte/organisation-active",
                Map.of("_csrf", csrf, "organization", organization, "back", "/compte\r\nSet-Cookie: vole=1"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/compte"));
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("vole"));
    }

    private HttpRequest.Builder upload(String path, String fileName) throws Exception {
        var body = new ByteArrayOutputStream();
        body.write(("--limite\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(TestFiles.png());
        body.write("\r\n--limite--\r\n".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "multipart/form-data; boundary=limite")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
