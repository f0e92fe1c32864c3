package fr.guichet.certificates;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * An establishment E → A → A1 and another establishment O (all older than the certificate rule, so
 * inheriting), with the people whose rights the certificate pages are about: E's super admin, an
 * administrator named at A, a supervisor at A, a plain member, an agent, O's super admin.
 */
final class CertificatesWorld {

    static final EncryptionCertificates ISSUER = new EncryptionCertificates();

    final MockMvc mvc;
    final Accounts accounts;
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    String domain;
    OrganizationId e;
    OrganizationId a;
    OrganizationId a1;
    OrganizationId o;
    String superAdmin;
    AccountId superAdminId;
    String administrator;
    String supervisor;
    String member;
    String agent;
    String otherSuperAdmin;
    String platformAdmin;

    CertificatesWorld(MockMvc mvc, Accounts accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    CertificatesWorld build(Organizations organizations, Delegation delegation) throws Exception {
        domain = People.uniqueDomain();
        e = organizations.createEstablishment("Ville " + suffix, "V" + suffix, Set.of(domain));
        a = organizations.createSubOrganization(e, "SMALL", details("Service A " + suffix));
        a1 = organizations.createSubOrganization(a, "SMALL", details("Bureau A1 " + suffix));
        var otherDomain = People.uniqueDomain();
        o = organizations.createEstablishment("Autre " + suffix, "O" + suffix, Set.of(otherDomain));
        superAdmin = person(domain, e);
        superAdminId = accounts.findByEmail(superAdmin).orElseThrow().id();
        delegation.nameFirstSuperAdmin(e, superAdminId);
        otherSuperAdmin = person(otherDomain, o);
        delegation.nameFirstSuperAdmin(
                o, accounts.findByEmail(otherSuperAdmin).orElseThrow().id());
        administrator = person(domain, a);
        supervisor = person(domain, a);
        member = person(domain, a);
        agent = person(otherDomain, o);
        accounts.makeAgent(accounts.findByEmail(agent).orElseThrow().id());
        platformAdmin = People.uniqueEmail("agence.test");
        accounts.createVerified(platformAdmin, Civility.MONSIEUR, "Agence", "Paul", null, true, People.GOOD_PASSWORD);
        grant(a, "admin-rights", administrator, "CREATE_USERS");
        grant(a, "supervision-rights", supervisor, "VIEW_CREDITS");
        return this;
    }

    /** E's super admin grants a right at an organisation, through the API: the answer's status. */
    int grant(OrganizationId where, String kind, String email, String code) throws Exception {
        var token = Visitor.signedIn(mvc, superAdmin).apiToken();
        return mvc.perform(MockMvcRequestBuilders.put("/api/v1/organizations/{id}/" + kind, where.value())
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\""
                                + accounts.findByEmail(email).orElseThrow().id().value() + "\": [\"" + code + "\"]}"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    String person(String domain, OrganizationId organization) {
        var email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, "Test", "Personne", organization, false, People.GOOD_PASSWORD);
        return email;
    }

    /** A fresh certificate fit for encryption, valid from yesterday for a year. */
    static EncryptionCertificates.Issued certificate(String commonName) {
        return ISSUER.issue(
                "O=Guichet tests,CN=" + commonName,
                EncryptionCertificates.rsa(2048),
                org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment);
    }

    static OrganizationDetails details(String name) {
        return new OrganizationDetails(name, null, null, null, null, null, null);
    }
}
