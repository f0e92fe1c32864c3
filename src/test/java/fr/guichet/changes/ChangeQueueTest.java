package fr.guichet.changes;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: the agency's queue holds thousands of pending requests; it shows them 50 a page, the
 * oldest first, of one establishment or kind when asked.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeQueueTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    ChangeRequests changes;

    @Autowired
    ReferenceSetup setup;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    MockMvc mvc;

    OrganizationId large;
    OrganizationId small;
    String largeName;
    AccountId agent;
    String agentEmail;
    /** The large establishment's requests in the order they were asked. */
    List<ChangeRequestId> asked = new ArrayList<>();

    ChangeRequestId smallOne;

    @BeforeAll
    void fiftyFiveRequestsOfOneEstablishmentAndOneOfAnother() throws Exception {
        var domain = People.uniqueDomain();
        largeName = "Université " + domain;
        large = organizations.createEstablishment(largeName, "U", Set.of(domain));
        small = organizations.createEstablishment("Institut " + domain, "I", Set.of());
        var correspondent = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Dupont", "Anne", large, false, GOOD_PASSWORD);
        accounts.join(correspondent, small, "127.0.0.1");
        agentEmail = People.uniqueEmail("agence.test");
        agent = accounts.createVerified(agentEmail, Civility.MADAME, "Agent", "Alice", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        // one pending request per site and kind: 55 products make 55 sites
        for (int i = 0; i < 56; i++) {
            var code = "P" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            var product = setup.defineProduct(code, "Logiciel " + code, null);
            var version = setup.defineVersion(product, "2026.1", true);
            var site = i < 55 ? large : small;
            setup.nameCorrespondent(site, product, correspondent, CorrespondentKind.FUNCTIONAL, null);
            var id = changes.askInstalledVersion(correspondent, site, product, version, null);
            if (i < 55) {
                asked.add(id);
            } else {
                smallOne = id;
            }
        }
    }

    @Test
    void fiftyAPageTheOldestFirstAndAPagePastTheLastIsTheLast() {
        var first = changes.queue(agent, large, null, 1);
        var second = changes.queue(agent, large, null, 2);

        assertThat(first.total()).isEqualTo(55);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.requests()).extracting(ChangeView::id).containsExactlyElementsOf(asked.subList(0, 50));
        assertThat(first.from()).isEqualTo(1);
        assertThat(first.to()).isEqualTo(50);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.requests()).extracting(ChangeView::id).containsExactlyElementsOf(asked.subList(50, 55));
        assertThat(second.from()).isEqualTo(51);
        assertThat(changes.queue(agent, large, null, 99).page()).isEqualTo(2);
        assertThat(changes.queue(agent, large, null, -3).page()).isEqualTo(1);
    }

    @Test
    void byEstablishmentAndKindWithHowManyEachEstablishmentHasWaiting() {
        var ofSmall = changes.queue(agent, small, null, 1);
        assertThat(ofSmall.requests()).extracting(ChangeView::id).containsExactly(smallOne);
        assertThat(ofSmall.pages()).isEqualTo(1);

        var everything = changes.queue(agent, null, ChangeKind.INSTALLED_VERSION, 1);
        assertThat(everything.total()).isGreaterThanOrEqualTo(56);
        assertThat(everything.requests()).hasSizeLessThanOrEqualTo(50);
        assertThat(everything.requests())
                .extracting(ChangeView::createdAt)
                .as("the oldest first")
                .isSorted();
        assertThat(everything.establishments())
                .filteredOn(e -> e.id().equals(large))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.pending()).isEqualTo(55);
                    assertThat(e.name()).isEqualTo(largeName);
                });
        assertThat(everything.establishments())
                .filteredOn(e -> e.id().equals(small))
                .singleElement()
                .satisfies(e -> assertThat(e.pending()).isEqualTo(1));
    }

    @Test
    void thePageNavigatesKeepingTheFilter() throws Exception {
        var visitor = Visitor.signedIn(mvc, agentEmail);
        var page = visitor.perform(get("/agence/modifications")
                        .param("etablissement", String.valueOf(large.value()))
                        .param("page", "2"))
                .andReturn()
                .getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        var html = page.getContentAsString();
        assertThat(html)
                .contains("Demandes 51 à 55 sur 55")
                .contains("Page 2 sur 2")
                .contains("href=\"/agence/modifications?etablissement=" + large.value() + "&amp;objet=&amp;page=1\"")
                .doesNotContain("Page suivante")
                .contains(">" + asked.get(54).value() + "</a>")
                .doesNotContain(">" + asked.get(49).value() + "</a>");
    }
}
