package fr.guichet.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.access.ServiceId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A connected service as a platform admin registers it through his page, with the scopes given, and
 * the access tokens it gets for itself from the authorization server (client credentials): what the
 * service APIs (credits, statistics) are called with.
 */
public final class ServiceTokens {

    public final ServiceId service;
    public final String clientId;
    public final String clientSecret;
    private final MockMvc mvc;
    private final Visitor admin;

    private ServiceTokens(MockMvc mvc, Visitor admin, ServiceId service, String clientId, String clientSecret) {
        this.mvc = mvc;
        this.admin = admin;
        this.service = service;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** A new catalogue service, registered as a connected service allowed these scopes. */
    public static ServiceTokens register(MockMvc mvc, Accounts accounts, ServiceCatalogue catalogue, String... scopes)
            throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        var service = catalogue.define(new ServiceDefinition(
                "SVC-" + suffix,
                "Salle " + suffix,
                "Salle des marchés.",
                InterestDomain.PURCHASING,
                DecidedBy.NOBODY,
                true));
        var platformAdmin = People.uniqueEmail("agence.test");
        accounts.createVerified(platformAdmin, Civility.MONSIEUR, "Agence", "Paul", null, true, People.GOOD_PASSWORD);
        var admin = Visitor.signedIn(mvc, platformAdmin);
        var page = admin.perform(post("/administration/services-connectes/{id}", service.value())
                        .with(csrf())
                        .param("redirectUris", "http://localhost:9/callback")
                        .param("scopes", scopes))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var shown = Jsoup.parse(page);
        assertThat(shown.selectFirst("[data-testid=secrets]"))
                .as("the secrets shown once")
                .isNotNull();
        return new ServiceTokens(
                mvc,
                admin,
                service,
                shown.selectFirst("[data-testid=client-id]").text(),
                shown.selectFirst("[data-testid=client-secret]").text());
    }

    /** An access token for the service itself, with these scopes. */
    public String token(String... scopes) throws Exception {
        var answer = mvc.perform(post("/oauth2/token")
                        .with(httpBasic(clientId, clientSecret))
                        .param("grant_type", "client_credentials")
                        .param("scope", String.join(" ", scopes)))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus())
                .as("token issued: %s", answer.getContentAsString())
                .isEqualTo(200);
        var body = JsonMapper.builder().build().readValue(answer.getContentAsString(), java.util.Map.class);
        return (String) body.get("access_token");
    }

    /** The platform admin disables the connected service through his page. */
    public void disable() throws Exception {
        admin.perform(post("/administration/services-connectes/{id}/desactivation", service.value())
                .with(csrf()));
    }
}
