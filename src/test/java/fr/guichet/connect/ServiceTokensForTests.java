package fr.guichet.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.access.ServiceId;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.support.People;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A connected service for API tests, and its own client-credentials tokens: a new catalogue service
 * registered by a new platform admin with the scopes asked, then {@code /oauth2/token} as the service
 * calls it. For endpoints only connected services call (statistics, credits):
 *
 * <pre>
 * var room = ServiceTokensForTests.register(context, ServiceCaller.STATISTICS);
 * mvc.perform(post(...).header("Authorization", "Bearer " + room.token(mvc)));
 * </pre>
 */
public final class ServiceTokensForTests {

    /** A registered service: its client id and secret, and the scopes it was given. */
    public record Registered(
            ApplicationContext context,
            ServiceId service,
            AccountId admin,
            String clientId,
            String clientSecret,
            List<String> scopes) {

        /** A new access token for all its scopes. */
        public String token(MockMvc mvc) throws Exception {
            return ServiceTokensForTests.token(mvc, clientId, clientSecret, String.join(" ", scopes));
        }

        /** The platform admin disables it: its tokens are refused from then on (401). */
        public void disable() {
            context.getBean(ConnectedServices.class).disable(admin, service, "127.0.0.1");
        }
    }

    private ServiceTokensForTests() {}

    /** A new connected service with these scopes (e.g. {@code ServiceCaller.STATISTICS}). */
    public static Registered register(ApplicationContext context, String... scopes) {
        var suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        var admin = context.getBean(Accounts.class)
                .createVerified(
                        People.uniqueEmail("agence.test"),
                        Civility.MONSIEUR,
                        "Agence",
                        "Paul",
                        null,
                        true,
                        People.GOOD_PASSWORD);
        var service = context.getBean(ServiceCatalogue.class)
                .define(new ServiceDefinition(
                        "SVC-" + suffix,
                        "Service " + suffix,
                        "Service connecté de test.",
                        InterestDomain.PURCHASING,
                        DecidedBy.NOBODY,
                        true));
        var form = new ClientForm("http://localhost:9/callback", "", List.of(scopes), "");
        var secrets = context.getBean(ConnectedServices.class).register(admin, service, form, "127.0.0.1");
        return new Registered(context, service, admin, secrets.clientId(), secrets.clientSecret(), List.of(scopes));
    }

    /** An access token by the client-credentials grant, as a service asks for it (HTTP Basic). */
    public static String token(MockMvc mvc, String clientId, String clientSecret, String scope) throws Exception {
        var answer = mvc.perform(post("/oauth2/token")
                        .with(httpBasic(clientId, clientSecret))
                        .param("grant_type", "client_credentials")
                        .param("scope", scope))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus())
                .as("token answered: %s", answer.getContentAsString())
                .isEqualTo(200);
        return JsonPath.read(answer.getContentAsString(), "$.access_token");
    }
}
