package fr.guichet.helpdesk.tickets;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteTickets;
import fr.guichet.helpdesk.SiteTickets.Line;
import fr.guichet.helpdesk.TicketDriver;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Issue 14: a correspondent's space lists his own tickets per site, in progress apart from treated. */
@IntegrationTest
class CorrespondentTicketsTest {

    @Autowired
    SiteTickets siteTickets;

    @Autowired
    ReferenceSetup setup;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    ApplicationContext context;

    TicketDriver driver;
    OrganizationId montval;
    OrganizationId lacbleu;
    ProductId sifac;
    ProductId apogee;
    long sifacCategory;
    long apogeeCategory;
    AccountId anne;
    AccountId marc;
    AccountId agent;

    @BeforeEach
    void sites() {
        driver = TicketDriver.of(context);
        var domain = People.uniqueDomain();
        montval = organizations.createEstablishment("Montval " + domain, "M", Set.of(domain));
        lacbleu = organizations.createEstablishment("Lacbleu " + domain, "L", Set.of());
        anne = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Dupont", "Anne", montval, false, GOOD_PASSWORD);
        marc = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, "Durand", "Marc", montval, false, GOOD_PASSWORD);
        agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MADAME, "Agent", "Alice", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var team = setup.defineTeam("Équipe " + UUID.randomUUID(), List.of(agent));
        sifac = product("SIFAC");
        apogee = product("APOGEE");
        sifacCategory = driver.category("Sifac " + UUID.randomUUID(), sifac, false, team);
        apogeeCategory = driver.category("Apogée " + UUID.randomUUID(), apogee, false, team);
        for (var establishment : List.of(montval, lacbleu)) {
            for (var product : List.of(sifac, apogee)) {
                setup.validateInstalledVersion(establishment, product, setup.versionId(product, "2026.1"), null);
            }
        }
        accounts.join(anne, lacbleu, "127.0.0.1");
        setup.nameCorrespondent(montval, sifac, anne, CorrespondentKind.FUNCTIONAL, null);
        setup.nameCorrespondent(lacbleu, sifac, anne, CorrespondentKind.TECHNICAL, null);
        setup.nameCorrespondent(montval, apogee, anne, CorrespondentKind.FUNCTIONAL, null);
        setup.nameCorrespondent(montval, sifac, marc, CorrespondentKind.TECHNICAL, null);
    }

    @Test
    void hisOwnTicketsOnEachSiteInProgressApartFromTreatedTheLatestFirst() {
        var first = file(anne, montval, sifacCategory, "Facture bloquée");
        var second = file(anne, montval, sifacCategory, "Relance du rapprochement");
        var excluded = file(anne, montval, sifacCategory, "Question hors sujet");
        driver.act(agent, excluded, Action.EXCLUDE, "Hors du champ de l’assistance");
        var elsewhere = file(anne, lacbleu, sifacCategory, "Import des budgets");
        var colleagues = file(marc, montval, sifacCategory, "Le ticket de Marc");

        var sites = siteTickets.of(anne, 10);

        assertThat(sites)
                .extracting(SiteTickets.OfSite::establishment, SiteTickets.OfSite::product)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(montval, sifac),
                        org.assertj.core.groups.Tuple.tuple(montval, apogee),
                        org.assertj.core.groups.Tuple.tuple(lacbleu, sifac));
        var montvalSifac = site(sites, montval, sifac);
        assertThat(montvalSifac.inProgress())
                .as("only his, only that site, the latest first; not his colleague's")
                .extracting(Line::id)
                .containsExactly(second, first);
        assertThat(montvalSifac.inProgressCount()).isEqualTo(2);
        assertThat(montvalSifac.treated()).extracting(Line::id).containsExactly(excluded);
        assertThat(montvalSifac.treated().get(0).state().status()).isEqualTo(TicketStatus.EXC);
        assertThat(montvalSifac.treatedCount()).isEqualTo(1);
        assertThat(montvalSifac.inProgress().get(0).title()).isEqualTo("Relance du rapprochement");
        assertThat(montvalSifac.filingCategory()).isEqualTo(new CategoryId(sifacCategory));
        assertThat(site(sites, lacbleu, sifac).inProgress())
                .extracting(Line::id)
                .containsExactly(elsewhere);
        assertThat(site(sites, montval, apogee).inProgress()).isEmpty();
        assertThat(site(sites, montval, apogee).filingCategory()).isEqualTo(new CategoryId(apogeeCategory));
        assertThat(site(siteTickets.of(marc, 10), montval, sifac).inProgress())
                .extracting(Line::id)
                .containsExactly(colleagues);
    }

    @Test
    void onlyTheLatestAreListedAndTheCountSaysHowManyInAll() {
        var one = file(anne, montval, sifacCategory, "Un");
        var two = file(anne, montval, sifacCategory, "Deux");
        var three = file(anne, montval, sifacCategory, "Trois");

        var montvalSifac = site(siteTickets.of(anne, 2), montval, sifac);

        assertThat(montvalSifac.inProgress()).extracting(Line::id).containsExactly(three, two);
        assertThat(montvalSifac.inProgressCount()).isEqualTo(3);
        assertThat(montvalSifac.inProgress()).extracting(Line::id).doesNotContain(one);
    }

    @Test
    void aSiteHeLeftNoLongerShowsItsTickets() {
        file(anne, lacbleu, sifacCategory, "Avant son départ");

        setup.removeCorrespondent(lacbleu, sifac, anne);

        assertThat(siteTickets.of(anne, 10))
                .extracting(SiteTickets.OfSite::establishment)
                .doesNotContain(lacbleu);
        assertThat(siteTickets.of(agent, 10)).as("no site, nothing").isEmpty();
    }

    private TicketId file(AccountId person, OrganizationId establishment, long category, String title) {
        return driver.file(person, establishment, category, "Comptabilité", null, null, title, "Ce qui se passe.");
    }

    private ProductId product(String name) {
        var code = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        var product = setup.defineProduct(code, name + " " + code, null);
        setup.defineVersion(product, "2026.1", true);
        return product;
    }

    private static SiteTickets.OfSite site(
            List<SiteTickets.OfSite> sites, OrganizationId establishment, ProductId product) {
        return sites.stream()
                .filter(s ->
                        s.establishment().equals(establishment) && s.product().equals(product))
                .findFirst()
                .orElseThrow();
    }
}
