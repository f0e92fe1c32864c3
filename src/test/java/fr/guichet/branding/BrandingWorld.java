package fr.guichet.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * What the branding tests set up as people do: an establishment with its super admin, its
 * sub-organisations, and rights granted through the organisation API by that super admin.
 */
final class BrandingWorld {

    final MockMvc mvc;
    final Accounts accounts;
    final Organizations organizations;
    final OrganizationId establishment;
    final String domain;
    final AccountId superAdmin;
    final String superAdminToken;

    BrandingWorld(MockMvc mvc, Accounts accounts, Organizations organizations, Delegation delegation) throws Exception {
        this.mvc = mvc;
        this.accounts = accounts;
        this.organizations = organizations;
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Ville " + domain, "VIL", Set.of(domain));
        superAdmin = person(establishment);
        delegation.nameFirstSuperAdmin(establishment, superAdmin);
        superAdminToken = signedIn(superAdmin).apiToken();
    }

    OrganizationId sub(OrganizationId parent, String name) {
        return organizations.createSubOrganization(
                parent, "LARGE", new OrganizationDetails(name + " " + domain, null, null, null, null, null, null));
    }

    AccountId person(OrganizationId organization) {
        return accounts.createVerified(
                People.uniqueEmail(domain),
                Civility.MADAME,
                "Graphiste",
                "Gaëlle",
                organization,
                false,
                People.GOOD_PASSWORD);
    }

    /** Sets the organisation's supervision rights (the whole matrix, as the page saves it). */
    void supervision(OrganizationId organization, Map<AccountId, Set<String>> rights) throws Exception {
        matrix(organization, "supervision-rights", rights);
    }

    void admin(OrganizationId organization, Map<AccountId, Set<String>> rights) throws Exception {
        matrix(organization, "admin-rights", rights);
    }

    private void matrix(OrganizationId organization, String kind, Map<AccountId, Set<String>> rights) throws Exception {
        var body = rights.entrySet().stream()
                .map(e -> "\"" + e.getKey().value() + "\":["
                        + e.getValue().stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",")) + "]")
                .collect(Collectors.joining(",", "{", "}"));
        var status = mvc.perform(put("/api/v1/organizations/{id}/" + kind, organization.value())
                        .header("Authorization", "Bearer " + superAdminToken)
                        .contentType("application/json")
                        .content(body))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).as("%s saved", kind).isEqualTo(204);
    }

    Visitor signedIn(AccountId person) throws Exception {
        return Visitor.signedIn(mvc, accounts.find(person).orElseThrow().email());
    }

    /** The branding form as a person fills it in; files named as he might name them. */
    static MockMultipartHttpServletRequestBuilder draft(OrganizationId organization) {
        var request = multipart("/organisations/{id}/gestion-graphique", organization.value());
        request.with(csrf());
        return request;
    }

    static MockMultipartFile file(String field, String name, String type, byte[] bytes) {
        return new MockMultipartFile(field, name, type, bytes);
    }
}
