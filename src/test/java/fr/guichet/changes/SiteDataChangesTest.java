package fr.guichet.changes;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteServers;
import fr.guichet.helpdesk.SiteServers.Role;
import fr.guichet.helpdesk.SiteServers.Server;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, the chapters besides the installed version: a correspondent's own contact, the
 * establishment's data, a correspondent replaced (one leaves, one arrives) and the servers. Nothing
 * changes before an agent validates, and a request the data outran is refused by the portal.
 */
@IntegrationTest
class SiteDataChangesTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    ChangeRequests changes;

    @Autowired
    ChangeDecisions decisions;

    @Autowired
    ReferenceSetup setup;

    @Autowired
    CorrespondentSites sites;

    @Autowired
    SiteServers servers;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    OrganizationId establishment;
    ProductId product;
    ProductId otherProduct;
    AccountId correspondent;
    String correspondentEmail;
    AccountId leaving;
    String leavingEmail;
    AccountId newcomer;
    String newcomerEmail;
    AccountId otherProductCorrespondent;
    AccountId agent;

    @BeforeEach
    void site() {
        var domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        correspondentEmail = People.uniqueEmail(domain);
        correspondent = person(correspondentEmail, "Dupont", "Anne");
        leavingEmail = People.uniqueEmail(domain);
        leaving = person(leavingEmail, "Durand", "Marc");
        newcomerEmail = People.uniqueEmail(domain);
        newcomer = person(newcomerEmail, "Petit", "Léa");
        otherProductCorrespondent = person(People.uniqueEmail(domain), "Roux", "Jean");
        agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MADAME, "Agent", "Alice", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        product = product("SIFAC");
        otherProduct = product("APOGEE");
        setup.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL, null);
        setup.nameCorrespondent(establishment, product, leaving, CorrespondentKind.TECHNICAL, null);
        setup.nameCorrespondent(
                establishment, otherProduct, otherProductCorrespondent, CorrespondentKind.FUNCTIONAL, null);
    }

    @Test
    void hisContactChangesOnlyOnceValidated() throws Exception {
        var id = changes.askContact(correspondent, establishment, product, "Sifac@Univ.example", "01 23 45 67 89");

        assertThat(contactOf(correspondent).contactEmail())
                .as("nothing before validation")
                .isNull();
        assertThat(changes.find(correspondent, id).after()).contains("sifac@univ.example", "01 23 45 67 89");
        decisions.validate(agent, id);

        assertThat(contactOf(correspondent).contactEmail()).isEqualTo("sifac@univ.example");
        assertThat(contactOf(correspondent).contactPhone()).isEqualTo("01 23 45 67 89");
        assertThat(Mails.awaitFirst(greenMail, correspondentEmail).getSubject())
                .isEqualTo("Demande de modification validée");
        assertThat(Mails.awaitFirst(greenMail, leavingEmail).getSubject())
                .as("the site's other correspondent is told")
                .isEqualTo("Demande de modification validée");
    }

    @Test
    void aBadContactIsRefusedAndNothingIsRecorded() {
        assertThatThrownBy(() -> changes.askContact(correspondent, establishment, product, "pas-une-adresse", null))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.field.email");
        assertThatThrownBy(() -> changes.askContact(correspondent, establishment, product, null, "appelez-moi"))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.field.phone");
        assertThatThrownBy(() -> changes.askContact(correspondent, establishment, product, null, null))
                .as("as it already is")
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.nothing-changed");
        assertThat(changes.mine(correspondent)).isEmpty();
    }

    @Test
    void theEstablishmentsDataAreAskedByAnyOfItsCorrespondentsAndKeepItsName() throws Exception {
        var name = organizations.find(establishment).orElseThrow().name();
        var wanted = new EstablishmentChanges.Details(
                "1 rue des Écoles", "75005", "Paris", "01 00 00 00 00", null, "https://www.univ.example");
        assertThatThrownBy(() -> changes.askEstablishmentData(newcomer, establishment, wanted))
                .as("a member who is no correspondent")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> changes.askEstablishmentData(
                        correspondent,
                        establishment,
                        new EstablishmentChanges.Details(null, null, null, null, null, "www.sans-protocole")))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.field.website");

        var id = changes.askEstablishmentData(otherProductCorrespondent, establishment, wanted);
        assertThat(changes.find(correspondent, id).productName())
                .as("readable by the establishment's correspondents of any product")
                .isNull();
        decisions.validate(agent, id);

        var details = organizations.find(establishment).orElseThrow().details();
        assertThat(details.name()).isEqualTo(name);
        assertThat(details.website()).isEqualTo("https://www.univ.example");
        assertThat(details.city()).isEqualTo("Paris");
        assertThat(Mails.awaitFirst(greenMail, correspondentEmail).getSubject())
                .isEqualTo("Demande de modification validée");
    }

    @Test
    void aLeavingCorrespondentIsReplacedByALeavingAndAnArrivalEachTold() throws Exception {
        assertThatThrownBy(() -> changes.askNewCorrespondent(
                        correspondent,
                        establishment,
                        product,
                        People.uniqueEmail("ailleurs.example"),
                        CorrespondentKind.TECHNICAL,
                        null))
                .as("an address without an account: the same answer as for one elsewhere")
                .isInstanceOf(InvalidChange.class)
                .hasMessage("changes.naming.not-member");

        var departure =
                changes.askDeparture(correspondent, establishment, product, leaving, CorrespondentKind.TECHNICAL);
        var arrival = changes.askNewCorrespondent(
                correspondent, establishment, product, newcomerEmail, CorrespondentKind.TECHNICAL, null);
        assertThatThrownBy(() -> changes.askDeparture(
                        correspondent, establishment, product, leaving, CorrespondentKind.TECHNICAL))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.pending-already");
        assertThat(sites.isCorrespondent(leaving, establishment, product)).isTrue();

        decisions.validate(agent, departure);
        decisions.validate(agent, arrival);

        assertThat(sites.isCorrespondent(leaving, establishment, product)).isFalse();
        assertThat(sites.isCorrespondent(newcomer, establishment, product)).isTrue();
        assertThat(Mails.awaitFirst(greenMail, leavingEmail).getSubject())
                .as("the one who leaves hears of it")
                .isEqualTo("Demande de modification validée");
        assertThat(Mails.awaitFirst(greenMail, newcomerEmail).getSubject())
                .as("the newcomer hears that he now is one")
                .isEqualTo("Demande de modification validée");
        assertThat(changes.find(newcomer, arrival).after()).contains("Léa Petit", newcomerEmail);
    }

    @Test
    void aDepartureAnAgentAlreadyMadeIsRefusedByThePortal() {
        var departure =
                changes.askDeparture(correspondent, establishment, product, leaving, CorrespondentKind.TECHNICAL);
        setup.removeCorrespondent(establishment, product, leaving);

        var decided = decisions.validate(agent, departure);

        assertThat(decided.status()).isEqualTo(ChangeStatus.REFUSED);
        assertThat(decided.outdated()).isTrue();
    }

    @Test
    void theServersAreReplacedWholeAndAListTheAgentChangedMeanwhileIsNotApplied() {
        var production = new Server("srv-prod", Role.PRODUCTION, "Debian", "12", "PostgreSQL", "16", null);
        var preproduction = new Server("srv-pp", Role.PREPRODUCTION, "Debian", "12", null, null, null);
        assertThatThrownBy(() -> changes.askServers(
                        correspondent,
                        establishment,
                        product,
                        List.of(production, new Server("SRV-PROD", Role.TEST, null, null, null, null, null))))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.servers.duplicate");
        assertThatThrownBy(() -> changes.askServers(
                        correspondent,
                        establishment,
                        product,
                        List.of(new Server(" ", Role.TEST, null, null, null, null, null))))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.field.required");

        var first = changes.askServers(correspondent, establishment, product, List.of(production, preproduction));
        decisions.validate(agent, first);
        assertThat(servers.servers(establishment, product)).containsExactly(production, preproduction);

        var second = changes.askServers(correspondent, establishment, product, List.of(production));
        servers.replaceServers(agent, establishment, product, List.of(preproduction));
        var decided = decisions.validate(agent, second);

        assertThat(decided.outdated()).isTrue();
        assertThat(servers.servers(establishment, product)).containsExactly(preproduction);
    }

    @Test
    void aCorrespondentWhoLeavesTheEstablishmentLosesHisRequestsAndHisPendingContactIsNotApplied() {
        var id = changes.askContact(leaving, establishment, product, "marc@univ.example", null);
        assertThat(changes.mine(leaving)).extracting(ChangeView::id).containsExactly(id);

        accounts.leave(leaving, establishment, null, "-");

        assertThat(sites.isCorrespondent(leaving, establishment, product)).isFalse();
        assertThat(changes.mine(leaving)).isEmpty();
        assertThatThrownBy(() -> changes.find(leaving, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> changes.askContact(leaving, establishment, product, "marc@univ.example", null))
                .isInstanceOf(NotFoundException.class);
        assertThat(decisions.validate(agent, id).outdated())
                .as("his own contact, on a site he no longer is on")
                .isTrue();
    }

    @Test
    void noOneButTheSitesCorrespondentsAsksForIt() {
        assertThatThrownBy(() -> changes.askServers(otherProductCorrespondent, establishment, product, List.of()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        changes.askDeparture(newcomer, establishment, product, leaving, CorrespondentKind.TECHNICAL))
                .isInstanceOf(NotFoundException.class);
        var id = changes.askContact(correspondent, establishment, product, "sifac@univ.example", null);
        assertThatThrownBy(() -> changes.find(otherProductCorrespondent, id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aContactAnAgentChangedMeanwhileIsNotApplied() {
        var id = changes.askContact(correspondent, establishment, product, "sifac@univ.example", null);
        sites.changeContact(agent, establishment, product, correspondent, "dsi@univ.example", null);

        assertThat(decisions.validate(agent, id).outdated()).isTrue();
        assertThat(contactOf(correspondent).contactEmail()).isEqualTo("dsi@univ.example");
    }

    @Test
    void establishmentDataAnAdministratorChangedMeanwhileAreNotApplied() {
        var id = changes.askEstablishmentData(
                correspondent, establishment, new EstablishmentChanges.Details(null, null, "Paris", null, null, null));
        var now = organizations.find(establishment).orElseThrow().details();
        organizations.change(
                establishment,
                new fr.guichet.organization.OrganizationDetails(
                        now.name(), now.address(), now.postalCode(), "Lyon", now.phone(), now.fax(), now.website()));

        assertThat(decisions.validate(agent, id).outdated()).isTrue();
        assertThat(organizations.find(establishment).orElseThrow().details().city())
                .isEqualTo("Lyon");
    }

    @Test
    void aNewcomerWhoLeftTheEstablishmentMeanwhileIsNotNamed() {
        var id = changes.askNewCorrespondent(
                correspondent, establishment, product, newcomerEmail, CorrespondentKind.TECHNICAL, null);
        accounts.leave(newcomer, establishment, newcomer, "127.0.0.1");

        assertThat(decisions.validate(agent, id).outdated()).isTrue();
        assertThat(sites.isCorrespondent(newcomer, establishment, product)).isFalse();
    }

    @Test
    void eachReaderReadsTheDecidedDataInHisOwnLanguage() throws Exception {
        jdbc.sql("update account set preferred_locale = 'en' where id = ?")
                .param(leaving.value())
                .update();
        var id = changes.askServers(
                correspondent,
                establishment,
                product,
                List.of(new Server("srv-prod", Role.PRODUCTION, "Debian", "12", null, null, null)));

        decisions.validate(agent, id);

        assertThat(Mails.body(Mails.awaitFirst(greenMail, correspondentEmail)))
                .contains("srv-prod (production) — Système : Debian 12");
        assertThat(Mails.body(Mails.awaitFirst(greenMail, leavingEmail)))
                .contains("srv-prod (production) — Operating system : Debian 12");
    }

    private CorrespondentSites.Named contactOf(AccountId person) {
        return sites.named(establishment, product).stream()
                .filter(n -> n.person().equals(person))
                .findFirst()
                .orElseThrow();
    }

    private AccountId person(String email, String lastName, String firstName) {
        return accounts.createVerified(
                email, Civility.MADAME, lastName, firstName, establishment, false, GOOD_PASSWORD);
    }

    private ProductId product(String prefix) {
        var code = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        return setup.defineProduct(code, prefix + " " + code, null);
    }
}
