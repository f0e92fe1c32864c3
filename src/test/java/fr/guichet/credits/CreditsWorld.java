package fr.guichet.credits;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An establishment E → A → A1 and another establishment O, with the people whose rights the credits
 * pages are about: E's super admin, supervisors granted at A ("view credits", "view statistics"),
 * an administrator of A without supervision rights, a plain member, an agent, O's super admin.
 */
final class CreditsWorld {

    final MockMvc mvc;
    final Accounts accounts;
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    OrganizationId e;
    OrganizationId a;
    OrganizationId a1;
    OrganizationId o;
    String superAdmin;
    String creditsSupervisor;
    AccountId creditsSupervisorId;
    String statisticsSupervisor;
    String administrator;
    String member;
    String agent;
    String otherSuperAdmin;
    String platformAdmin;

    CreditsWorld(MockMvc mvc, Accounts accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    CreditsWorld build(Organizations organizations, Delegation delegation) throws Exception {
        var domain = People.uniqueDomain();
        e = organizations.createEstablishment("Ville " + suffix, "V" + suffix, Set.of(domain));
        a = organizations.createSubOrganization(e, "LARGE", details("Service A " + suffix));
        a1 = organizations.createSubOrganization(a, "LARGE", details("Bureau A1 " + suffix));
        var otherDomain = People.uniqueDomain();
        o = organizations.createEstablishment("Autre " + suffix, "O" + suffix, Set.of(otherDomain));
        superAdmin = person(domain, e);
        delegation.nameFirstSuperAdmin(
                e, accounts.findByEmail(superAdmin).orElseThrow().id());
        otherSuperAdmin = person(otherDomain, o);
        delegation.nameFirstSuperAdmin(
                o, accounts.findByEmail(otherSuperAdmin).orElseThrow().id());
        creditsSupervisor = person(domain, a);
        creditsSupervisorId =
                accounts.findByEmail(creditsSupervisor).orElseThrow().id();
        statisticsSupervisor = person(domain, a);
        administrator = person(domain, a);
        member = person(domain, a);
        agent = person(otherDomain, o);
        accounts.makeAgent(accounts.findByEmail(agent).orElseThrow().id());
        platformAdmin = People.uniqueEmail("agence.test");
        accounts.createVerified(platformAdmin, Civility.MONSIEUR, "Agence", "Paul", null, true, People.GOOD_PASSWORD);
        grant(
                "supervision-rights",
                Map.of(creditsSupervisor, Set.of("VIEW_CREDITS"), statisticsSupervisor, Set.of("VIEW_STATISTICS")));
        grant("admin-rights", Map.of(administrator, Set.of("CREATE_USERS")));
        return this;
    }

    /** E's super admin grants rights at A, as he does through the API. */
    void grant(String kind, Map<String, Set<String>> rights) throws Exception {
        var token = Visitor.signedIn(mvc, superAdmin).apiToken();
        var body = rights.entrySet().stream()
                .map(r -> "\""
                        + accounts.findByEmail(r.getKey()).orElseThrow().id().value() + "\": ["
                        + r.getValue().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",")) + "]")
                .collect(Collectors.joining(",", "{", "}"));
        var answer = mvc.perform(put("/api/v1/organizations/{id}/" + kind, a.value())
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus())
                .as("rights granted: %s", answer.getContentAsString())
                .isEqualTo(204);
    }

    Visitor visitor(String email) throws Exception {
        return Visitor.signedIn(mvc, email);
    }

    private String person(String domain, OrganizationId organization) {
        var email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, "Test", "Personne", organization, false, People.GOOD_PASSWORD);
        return email;
    }

    private static OrganizationDetails details(String name) {
        return new OrganizationDetails(name, null, null, null, null, null, null);
    }
}
