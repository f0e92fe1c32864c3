package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Seed 000's "Correspondants logiciels", beside "Mon établissement" and its super admins: per
 * product, who to write to. Only the establishment's confirmed members (and the agency's staff) see them.
 */
@IntegrationTest
class SoftwareCorrespondentsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    HelpdeskSetup helpdesk;

    @Autowired
    JdbcClient jdbc;

    String domain;
    OrganizationId establishment;
    String functionalContact;
    String technicalEmail;
    String product;

    @BeforeEach
    void establishmentWithCorrespondents() {
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        product = "Sifac " + domain;
        var sifac = helpdesk.product("S" + domain.substring(1, 9), product, null, List.of("1.0"), List.of(true));
        var functional = person(establishment, "Fonction");
        var technical = person(establishment, "Technique");
        helpdesk.correspondent(establishment, sifac, technical, CorrespondentKind.TECHNICAL);
        helpdesk.correspondent(establishment, sifac, functional, CorrespondentKind.FUNCTIONAL);
        functionalContact = "sifac@" + domain;
        jdbc.sql("update correspondent set contact_email = ? where account_id = ?")
                .params(functionalContact, functional.value())
                .update();
        technicalEmail = accounts.find(technical).orElseThrow().email();
    }

    @Test
    void aConfirmedMemberFindsEachProductsCorrespondentsWithTheAddressToWriteTo() throws Exception {
        var page = myEstablishment(person(establishment, "Membre"));

        var rows = page.select("[data-testid=software-correspondents] tbody tr");
        assertThat(rows.eachText())
                .containsExactly(
                        product + " Alex Fonction fonctionnel " + functionalContact,
                        product + " Alex Technique technique " + technicalEmail);
        assertThat(rows.select("a").eachAttr("href"))
                .containsExactly("mailto:" + functionalContact, "mailto:" + technicalEmail);
        assertThat(page.select("[data-testid=software-correspondents] caption").text())
                .isEqualTo("Correspondants logiciels de [U] - Université " + domain + ", par logiciel");
    }

    @Test
    void aConfirmedMemberOfASubOrganisationFindsThemToo() throws Exception {
        var service = organizations.createSubOrganization(
                establishment,
                "LARGE",
                new OrganizationDetails("Service " + domain, null, null, null, null, null, null));

        var page = myEstablishment(person(service, "Service"));

        assertThat(page.select("[data-testid=software-correspondents] tbody tr"))
                .hasSize(2);
    }

    @Test
    void aMemberWhoOnlyDeclaredHimselfSeesTheSuperAdminsButNotTheCorrespondents() throws Exception {
        var declared = declared(person(establishment, "Declare"));

        var page = myEstablishment(declared);

        assertThat(page.select("[data-testid=establishment]")).hasSize(1);
        assertThat(page.select("[data-testid=software-correspondents]")).isEmpty();
        assertThat(page.text()).doesNotContain(functionalContact).doesNotContain(technicalEmail);
        assertThat(page.select("[data-testid=correspondents-hidden]").text())
                .isEqualTo("Les correspondants logiciels de votre établissement vous seront présentés dès qu’un"
                        + " de ses super admins aura confirmé votre appartenance.");
    }

    @Test
    void theAgencysStaffSeesThemWithoutAConfirmedMembership() throws Exception {
        var agent = declared(person(establishment, "Agent"));
        accounts.makeAgent(agent);

        assertThat(myEstablishment(agent).select("[data-testid=software-correspondents] tbody tr"))
                .hasSize(2);
    }

    @Test
    void aMemberOfAnotherEstablishmentDoesNotSeeThem() throws Exception {
        var otherDomain = People.uniqueDomain();
        var other = organizations.createEstablishment("Autre " + otherDomain, "A", Set.of(otherDomain));

        var page = myEstablishment(person(other, "Ailleurs"));

        assertThat(page.text()).doesNotContain(functionalContact).doesNotContain(technicalEmail);
        assertThat(page.text()).contains("Votre établissement n’a pas encore de correspondant logiciel.");
    }

    private AccountId declared(AccountId person) {
        jdbc.sql("update membership set status = 'DECLARED' where account_id = ?")
                .param(person.value())
                .update();
        return person;
    }

    private Document myEstablishment(AccountId person) throws Exception {
        var visitor = Visitor.signedIn(mvc, accounts.find(person).orElseThrow().email());
        return Jsoup.parse(visitor.perform(get("/mon-etablissement"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private AccountId person(OrganizationId organization, String lastName) {
        return accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, lastName, "Alex", organization, false, GOOD_PASSWORD);
    }
}
