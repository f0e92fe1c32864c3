package fr.guichet.changes;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 14: a correspondent asks for his establishment's installed version, an agent validates or
 * refuses it; the reference data change only on validation, and only if still as asked.
 */
@IntegrationTest
class ChangeRequestsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    ChangeRequests changes;

    @Autowired
    ChangeDecisions decisions;

    @Autowired
    ReferenceSetup setup;

    @Autowired
    HelpdeskReference reference;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    OrganizationId establishment;
    ProductId product;
    long v2024;
    long v2026;
    AccountId correspondent;
    String correspondentEmail;
    AccountId colleague;
    String colleagueEmail;
    AccountId member;
    AccountId agent;

    @BeforeEach
    void site() {
        var domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        correspondentEmail = People.uniqueEmail(domain);
        correspondent = accounts.createVerified(
                correspondentEmail, Civility.MADAME, "Dupont", "Anne", establishment, false, GOOD_PASSWORD);
        colleagueEmail = People.uniqueEmail(domain);
        colleague = accounts.createVerified(
                colleagueEmail, Civility.MONSIEUR, "Durand", "Marc", establishment, false, GOOD_PASSWORD);
        member = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, "Martin", "Paul", establishment, false, GOOD_PASSWORD);
        agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MADAME, "Agent", "Alice", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var code = "SIFAC-" + UUID.randomUUID().toString().substring(0, 6);
        product = setup.defineProduct(code, "Sifac " + code, null);
        v2024 = setup.defineVersion(product, "2024.1", true);
        v2026 = setup.defineVersion(product, "2026.1", true);
        setup.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL, null);
        setup.nameCorrespondent(establishment, product, colleague, CorrespondentKind.TECHNICAL, null);
    }

    @Test
    void aValidatedRequestBecomesTheInstalledVersionAndBothCorrespondentsAreTold() throws Exception {
        var proof = new ChangeRequests.Upload(
                "sifac.ver", new ByteArrayInputStream("SIFAC 2026.1\n".getBytes(StandardCharsets.UTF_8)));
        var id = changes.askInstalledVersion(correspondent, establishment, product, v2026, proof);

        var asked = changes.find(correspondent, id);
        assertThat(asked.status()).isEqualTo(ChangeStatus.PENDING);
        assertThat(asked.before()).isNull();
        assertThat(asked.after()).isEqualTo("2026.1");
        assertThat(asked.proofName()).isEqualTo("sifac.ver");
        assertThat(reference.installedVersion(establishment, product))
                .as("nothing changes before validation")
                .isEmpty();
        assertThat(changes.queue(agent, establishment, null, 1).requests())
                .extracting(ChangeView::id)
                .contains(id);

        var decided = decisions.validate(agent, id);

        assertThat(decided.status()).isEqualTo(ChangeStatus.VALIDATED);
        assertThat(decided.decidedByName()).isEqualTo("Alice Agent");
        assertThat(reference.installedVersion(establishment, product))
                .hasValueSatisfying(v -> assertThat(v.label()).isEqualTo("2026.1"));
        assertThat(changes.queue(agent, establishment, null, 1).requests())
                .extracting(ChangeView::id)
                .doesNotContain(id);
        var mail = Mails.awaitFirst(greenMail, correspondentEmail);
        assertThat(mail.getSubject()).isEqualTo("Demande de modification validée");
        assertThat(Mails.body(mail)).contains("2026.1").contains("/espace-correspondant/demandes/" + id.value());
        assertThat(Mails.awaitFirst(greenMail, colleagueEmail).getSubject())
                .isEqualTo("Demande de modification validée");
        assertThat(changes.proof(colleague, id).fileName()).isEqualTo("sifac.ver");
        assertThat(audit("CHANGE_VALIDATED", id)).isEqualTo(1);
    }

    @Test
    void aRefusalCarriesItsReasonAndChangesNothing() throws Exception {
        setup.validateInstalledVersion(establishment, product, v2024, null);
        var id = changes.askInstalledVersion(correspondent, establishment, product, v2026, null);
        assertThat(changes.find(correspondent, id).before()).isEqualTo("2024.1");

        assertThatThrownBy(() -> decisions.refuse(agent, id, "  "))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.reason.required");
        var refused = decisions.refuse(agent, id, "Le fichier .ver manque.");

        assertThat(refused.status()).isEqualTo(ChangeStatus.REFUSED);
        assertThat(refused.reason()).isEqualTo("Le fichier .ver manque.");
        assertThat(refused.outdated()).isFalse();
        assertThat(reference.installedVersion(establishment, product))
                .hasValueSatisfying(v -> assertThat(v.label()).isEqualTo("2024.1"));
        var mail = Mails.awaitFirst(greenMail, correspondentEmail);
        assertThat(mail.getSubject()).isEqualTo("Demande de modification refusée");
        assertThat(Mails.body(mail)).contains("Motif : Le fichier .ver manque.");
        assertThatThrownBy(() -> decisions.validate(agent, id))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.decided-already");
        assertThat(changes.askInstalledVersion(correspondent, establishment, product, v2026, null))
                .as("after a refusal he may ask again")
                .isNotEqualTo(id);
    }

    @Test
    void aRequestWhoseDataChangedMeanwhileIsRefusedByThePortalNotApplied() throws Exception {
        var id = changes.askInstalledVersion(correspondent, establishment, product, v2026, null);
        // an agent set the version on the reference pages in the meantime
        setup.validateInstalledVersion(establishment, product, v2024, agent);

        var decided = decisions.validate(agent, id);

        assertThat(decided.status()).isEqualTo(ChangeStatus.REFUSED);
        assertThat(decided.outdated()).isTrue();
        assertThat(decided.decidedByName()).isNull();
        assertThat(reference.installedVersion(establishment, product))
                .hasValueSatisfying(v -> assertThat(v.label()).isEqualTo("2024.1"));
        assertThat(Mails.awaitFirst(greenMail, correspondentEmail).getSubject())
                .isEqualTo("Demande de modification à refaire");
    }

    @Test
    void onlyTheSitesCorrespondentsAskAndOnlyForOneOfTheProductsVersionsOnceAtATime() throws Exception {
        assertThatThrownBy(() -> changes.askInstalledVersion(member, establishment, product, v2026, null))
                .isInstanceOf(NotFoundException.class);
        var other = setup.defineProduct("AUTRE-" + UUID.randomUUID().toString().substring(0, 6), "Autre", null);
        var otherVersion = setup.defineVersion(other, "1.0", true);
        assertThatThrownBy(() -> changes.askInstalledVersion(correspondent, establishment, product, otherVersion, null))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.installed-version.unknown");

        var id = changes.askInstalledVersion(correspondent, establishment, product, v2026, null);
        assertThatThrownBy(() -> changes.askInstalledVersion(colleague, establishment, product, v2024, null))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.pending-already");

        assertThatThrownBy(() -> changes.find(member, id)).isInstanceOf(NotFoundException.class);
        assertThat(changes.find(colleague, id).requesterName()).isEqualTo("Anne Dupont");
        assertThatThrownBy(() -> changes.queue(correspondent, null, null, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> decisions.validate(correspondent, id)).isInstanceOf(AccessDeniedException.class);
        assertThat(audit("CHANGE_REQUESTED", id)).isEqualTo(1);
    }

    @Test
    void aCorrespondentWhoIsNoLongerOneLosesHisRequestsAndHearsNoMoreOfThem() throws Exception {
        var id = changes.askInstalledVersion(correspondent, establishment, product, v2026, null);
        setup.removeCorrespondent(establishment, product, correspondent);

        assertThatThrownBy(() -> changes.find(correspondent, id)).isInstanceOf(NotFoundException.class);
        assertThat(changes.mine(correspondent)).isEmpty();
        assertThatThrownBy(() -> changes.proof(correspondent, id)).isInstanceOf(NotFoundException.class);
        assertThat(changes.find(colleague, id).status())
                .as("the site still has it")
                .isEqualTo(ChangeStatus.PENDING);

        decisions.validate(agent, id);

        assertThat(Mails.awaitFirst(greenMail, colleagueEmail).getSubject())
                .isEqualTo("Demande de modification validée");
        assertThat(greenMail.getReceivedMessagesForDomain(correspondentEmail)).isEmpty();
    }

    @Test
    void askingForTheVersionAlreadyValidatedIsRefused() {
        setup.validateInstalledVersion(establishment, product, v2026, null);

        assertThatThrownBy(() -> changes.askInstalledVersion(correspondent, establishment, product, v2026, null))
                .isInstanceOf(ChangeRefusal.class)
                .hasMessage("changes.installed-version.same");
    }

    /** The trail is written after the commit, by the audit module's listener: waited for, not slept on. */
    private long audit(String action, ChangeRequestId id) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("select count(*) from audit_entry where action = ? and details like ?")
                                .params(action, "change-request=" + id.value() + "%")
                                .query(Long.class)
                                .single(),
                        count -> count > 0);
    }
}
