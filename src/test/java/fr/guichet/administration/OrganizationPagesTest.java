package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An organisation's home names whom to turn to: its admins, and above them the establishment's super admins. */
@IntegrationTest
class OrganizationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Administration administration;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Test
    void theEstablishmentsSuperAdminsAreAmongTheAdministratorsOfEveryOrganisationOfItsTree() throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Ville de " + domain, "V", Set.of(domain));
        var email = People.uniqueEmail(domain);
        var superAdmin = accounts.createVerified(
                email, Civility.MADAME, "Durand", "Hélène", establishment, false, GOOD_PASSWORD);
        var platformAdmin = platformAdmin();
        administration.nameSuperAdmin(platformAdmin.id, establishment, superAdmin, "-");
        var direction = administration.createSubOrganization(
                superAdmin,
                establishment,
                "LARGE",
                new OrganizationDetails("Direction des achats", null, null, null, null, null, null),
                true,
                "-");

        var page = home(Visitor.signedIn(mvc, email), direction);

        assertThat(page.select("[data-testid=admins] li").eachText())
                .singleElement()
                .asString()
                .contains("Hélène Durand", email, "super admin de l’établissement");
        assertThat(page.select("[data-testid=no-admin]")).isEmpty();
        assertThat(page.select("[data-testid=no-supervisor]").text()).isEqualTo("Aucun superviseur pour l’instant.");
    }

    @Test
    void anOrganisationWithoutAnyAdministratorSaysSo() throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Ville de " + domain, "V", Set.of(domain));

        var page = home(Visitor.signedIn(mvc, platformAdmin().email), establishment);

        assertThat(page.select("[data-testid=admins]")).isEmpty();
        assertThat(page.select("[data-testid=no-admin]").text()).isEqualTo("Aucun administrateur pour l’instant.");
    }

    private record Person(AccountId id, String email) {}

    private Person platformAdmin() {
        var email = People.uniqueEmail();
        return new Person(
                accounts.createVerified(email, Civility.MADAME, "Plateforme", "Paule", null, true, GOOD_PASSWORD),
                email);
    }

    private Document home(Visitor visitor, OrganizationId organization) throws Exception {
        var response = visitor.perform(get("/organisations/" + organization.value()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }
}
