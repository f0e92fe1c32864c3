package fr.guichet.access;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.documents.DocumentDownloaded;
import fr.guichet.organization.Organizations;
import fr.guichet.support.ModuleTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The seam between the document spaces and the access review: a download from a service's space,
 * heard after its commit, dates the downloader's grant of that service. The access module runs
 * with the modules it stands on (a grant needs a real person, establishment and service).
 */
@ModuleTest(
        value = BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {
            "account.security",
            "account.settings",
            "account.places",
            "account.registration",
            "account.invitations",
            "helpdesk.tickets",
            "helpdesk.reference",
            "helpdesk.calendar",
            "helpdesk.search",
            "documents",
            "administration",
            "notification",
            "organization"
        })
class DownloadsModuleTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    final AccessRequests requests;
    final ServiceCatalogue services;
    final Accounts accounts;
    final Organizations organizations;

    DownloadsModuleTest(
            AccessRequests requests, ServiceCatalogue services, Accounts accounts, Organizations organizations) {
        this.requests = requests;
        this.services = services;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @Test
    void aDownloadFromAServicesSpaceIsTheLastUseOfTheDownloadersGrant(Scenario scenario) {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        var member = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Membre", "Marion", establishment, false, GOOD_PASSWORD);
        var colleague = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, "Collègue", "Paul", establishment, false, GOOD_PASSWORD);
        var service = services.define(new ServiceDefinition(
                "S" + Math.abs(System.nanoTime() % 1_000_000_000L),
                "Service " + domain,
                null,
                InterestDomain.PURCHASING,
                DecidedBy.NOBODY,
                true));
        for (var person : new AccountId[] {member, colleague}) {
            assertThat(requests.ask(person, service, Optional.empty(), Locale.FRENCH, "192.0.2.8"))
                    .isEqualTo(AccessRequests.Asked.GRANTED);
        }
        assertThat(grant(member, service).lastUsedAt()).as("never used yet").isNull();

        scenario.publish(new DocumentDownloaded(ServiceDocumentAudience.KIND, service.value(), member, Instant.now()))
                .andWaitForStateChange(() -> grant(member, service).lastUsedAt())
                .andVerify(lastUse -> assertThat(grant(colleague, service).lastUsedAt())
                        .as("another holder's grant is not his use")
                        .isNull());
    }

    private AccessRequestView grant(AccountId person, ServiceId service) {
        return requests.mine(person).stream()
                .filter(r -> r.service().equals(service))
                .findFirst()
                .orElseThrow();
    }
}
