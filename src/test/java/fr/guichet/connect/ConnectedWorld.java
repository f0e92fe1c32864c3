package fr.guichet.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.access.ServiceId;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.NewRole;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What the connected-service tests start from, made as people make it: an establishment of a type
 * whose role-bearing service is a catalogue service open to its members (granted on request), a
 * member who asked for it (the grant) and holds the role BUYER there, a member who did not, a super
 * admin, and a platform admin who registers the service as an OIDC client through his page.
 */
final class ConnectedWorld {

    static final String REDIRECT = "http://localhost:9/callback";
    static final String AFTER_LOGOUT = "http://localhost:9/bye";

    final MockMvc mvc;
    final Accounts accounts;
    final String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    final String serviceCode = "ROOM-" + suffix;
    final String establishmentName = "Université " + suffix;
    OrganizationId establishment;
    ServiceId service;
    String granted;
    AccountId grantedId;
    String notGranted;
    String superAdmin;
    String platformAdmin;
    Visitor admin;
    String clientId;
    String clientSecret;
    String webhookSecret;

    ConnectedWorld(MockMvc mvc, Accounts accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    ConnectedWorld build(
            Organizations organizations, Delegation delegation, ServiceCatalogue catalogue, String webhookUrl)
            throws Exception {
        var type = "T" + suffix;
        organizations.defineType(
                type,
                "Type " + suffix,
                "Type " + suffix,
                List.of(
                        new NewRole(serviceCode, "BUYER", "Acheteur", "Buyer", "Achète.", "Buys."),
                        new NewRole(serviceCode, "PCAO", "PCAO", "PCAO", "Commission.", "Committee.")));
        var domain = People.uniqueDomain();
        establishment = organizations.createEstablishment(establishmentName, "U" + suffix, type, Set.of(domain));
        service = catalogue.define(new ServiceDefinition(
                serviceCode,
                "Salle " + suffix,
                "Salle des marchés.",
                InterestDomain.PURCHASING,
                DecidedBy.NOBODY,
                true));
        granted = People.uniqueEmail(domain);
        grantedId = accounts.createVerified(
                granted, Civility.MADAME, "Acheteuse", "Alice", establishment, false, People.GOOD_PASSWORD);
        notGranted = People.uniqueEmail(domain);
        accounts.createVerified(
                notGranted, Civility.MONSIEUR, "Curieux", "Bruno", establishment, false, People.GOOD_PASSWORD);
        superAdmin = People.uniqueEmail(domain);
        var superAdminId = accounts.createVerified(
                superAdmin, Civility.MADAME, "Chef", "Chloé", establishment, false, People.GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, superAdminId);
        platformAdmin = People.uniqueEmail("agence.test");
        accounts.createVerified(platformAdmin, Civility.MONSIEUR, "Agence", "Paul", null, true, People.GOOD_PASSWORD);

        // the grant: an open service, asked for by a confirmed member
        Visitor.signedIn(mvc, granted)
                .perform(post("/services/{id}/demande", service.value()).with(csrf()));
        setRoles(Set.of("BUYER"));

        admin = Visitor.signedIn(mvc, platformAdmin);
        var page = admin.perform(post("/administration/services-connectes/{id}", service.value())
                        .with(csrf())
                        .param("redirectUris", REDIRECT)
                        .param("postLogoutRedirectUris", AFTER_LOGOUT)
                        .param("scopes", "profile", "email")
                        .param("webhookUrl", webhookUrl))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var shown = Jsoup.parse(page);
        assertThat(shown.selectFirst("[data-testid=secrets]"))
                .as("the secrets shown once")
                .isNotNull();
        clientId = shown.selectFirst("[data-testid=client-id]").text();
        clientSecret = shown.selectFirst("[data-testid=client-secret]").text();
        webhookSecret = shown.selectFirst("[data-testid=webhook-secret]").text();
        return this;
    }

    /** The super admin sets the granted member's roles in the service, through the API. */
    void setRoles(Set<String> roles) throws Exception {
        var token = Visitor.signedIn(mvc, superAdmin).apiToken();
        var answer = mvc.perform(put("/api/v1/organizations/{id}/roles", establishment.value())
                        .param("service", serviceCode)
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"" + grantedId.value() + "\": ["
                                + String.join(
                                        ",",
                                        roles.stream().map(r -> "\"" + r + "\"").toList()) + "]}"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as("roles set").isEqualTo(204);
    }

    /** The super admin revokes the granted member's grant, through the API. */
    void revokeGrant(long grantId) throws Exception {
        var token = Visitor.signedIn(mvc, superAdmin).apiToken();
        var answer = mvc.perform(MockMvcRequestBuilders.post("/api/v1/access-requests/{id}/revocation", grantId)
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus())
                .as("grant revoked: %s", answer.getContentAsString())
                .isLessThan(300);
    }
}
