package fr.guichet.releases;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.documents.Area;
import fr.guichet.documents.DocumentSpaces;
import fr.guichet.documents.Family;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.news.AnnouncementKind;
import fr.guichet.news.AnnouncementView;
import fr.guichet.news.Announcements;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: the agency prepares a product's release and publishes it; every establishment is told
 * once — at its project address when it gave one, else each of its correspondents in his language —
 * and only the product's correspondents and the agency see releases and product documents.
 */
@IntegrationTest
class ReleasesTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    Releases releases;

    @Autowired
    ProjectAddresses addresses;

    @Autowired
    DocumentSpaces spaces;

    @Autowired
    ReferenceSetup setup;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    ProductId product;
    long version;
    OrganizationId first;
    OrganizationId second;
    AccountId functional;
    String functionalEmail;
    AccountId technical;
    String technicalEmail;
    AccountId elsewhere;
    String elsewhereEmail;
    AccountId member;
    AccountId agent;
    String agentEmail;
    String projectAddress;

    @Autowired
    Announcements news;

    @BeforeEach
    void twoEstablishmentsWithCorrespondents() {
        var domain = People.uniqueDomain();
        projectAddress = "sinaps@" + domain;
        var otherDomain = People.uniqueDomain();
        first = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        second = organizations.createEstablishment("École " + otherDomain, "E", Set.of(otherDomain));
        functionalEmail = People.uniqueEmail(domain);
        functional = person(functionalEmail, "Dupont", first);
        technicalEmail = People.uniqueEmail(domain);
        technical = person(technicalEmail, "Durand", first);
        elsewhereEmail = People.uniqueEmail(otherDomain);
        elsewhere = person(elsewhereEmail, "Martin", second);
        jdbc.sql("update account set preferred_locale = 'en' where id = ?")
                .param(elsewhere.value())
                .update();
        member = person(People.uniqueEmail(domain), "Membre", first);
        agentEmail = People.uniqueEmail("agence.test");
        agent = person(agentEmail, "Agent", null);
        accounts.makeAgent(agent);
        var code = "SINAPS-" + UUID.randomUUID().toString().substring(0, 6);
        product = setup.defineProduct(code, "Sinaps " + code, null);
        version = setup.defineVersion(product, "2026.2", true);
        setup.nameCorrespondent(first, product, functional, CorrespondentKind.FUNCTIONAL, null);
        setup.nameCorrespondent(first, product, technical, CorrespondentKind.TECHNICAL, null);
        // both kinds: still one person, one e-mail
        setup.nameCorrespondent(first, product, technical, CorrespondentKind.FUNCTIONAL, null);
        setup.nameCorrespondent(second, product, elsewhere, CorrespondentKind.TECHNICAL, null);
    }

    @Test
    void aPublishedReleaseTellsEachCorrespondentOnceInHisLanguageAndTheyDownloadItsFile() throws Exception {
        var id = draft("Patch 2026.2.1", "Corrige l’export.\nÀ passer avant la clôture.");

        assertThat(releases.list(functional, product))
                .as("a draft is the agency's")
                .isEmpty();
        assertThat(releases.list(agent, product))
                .extracting(ReleaseView::status)
                .containsExactly(ReleaseStatus.DRAFT);
        assertThat(Mails.to(greenMail, functionalEmail))
                .as("nobody hears of a draft")
                .isEmpty();

        var published = releases.publish(agent, product, id);

        assertThat(published.status()).isEqualTo(ReleaseStatus.PUBLISHED);
        var french = Mails.awaitFirst(greenMail, functionalEmail);
        assertThat(french.getSubject()).isEqualTo("Guichet : une nouvelle livraison est publiée");
        assertThat(Mails.body(french))
                .contains("Patch 2026.2.1")
                .contains("2026.2")
                .contains("/produits/" + product.value() + "/livraisons/" + id.value());
        assertThat(Mails.awaitFirst(greenMail, elsewhereEmail).getSubject())
                .isEqualTo("Guichet: a new release is published");
        Mails.awaitFirst(greenMail, technicalEmail);
        assertThat(List.of(functionalEmail, technicalEmail, elsewhereEmail))
                .as("one e-mail each, though one is correspondent of both kinds")
                .allSatisfy(email -> assertThat(Mails.to(greenMail, email)).hasSize(1));
        assertThat(releases.list(elsewhere, product))
                .extracting(ReleaseView::title)
                .containsExactly("Patch 2026.2.1");
        try (var content = releases.download(elsewhere, product, id, 0).open()) {
            assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("PATCH");
        }
        awaitAudit("RELEASE_PUBLISHED", "mails: 3");
        awaitAudit("RELEASE_CREATED", "product=" + product.value());
    }

    @Test
    void anEstablishmentWithAProjectAddressIsToldThereOnlyInTheLanguageItChose() throws Exception {
        addresses.set(functional, first, product, "  " + projectAddress.toUpperCase(Locale.ROOT) + " ", "en");
        var id = draft("Version 2026.2", "Nouvelle version.");

        releases.publish(agent, product, id);

        assertThat(Mails.awaitFirst(greenMail, projectAddress).getSubject())
                .isEqualTo("Guichet: a new release is published");
        Mails.awaitFirst(greenMail, elsewhereEmail);
        assertThat(Mails.to(greenMail, functionalEmail))
                .as("the project address instead of the establishment's two correspondents")
                .isEmpty();
        assertThat(Mails.to(greenMail, technicalEmail)).isEmpty();
    }

    @Test
    void aProjectAddressIsTheEstablishmentsCorrespondentsToSetCheckedAndCleared() {
        assertThatThrownBy(() -> addresses.set(functional, first, product, "sinaps@", "fr"))
                .isInstanceOf(ReleaseRefusal.class)
                .hasMessage("releases.address.invalid");
        assertThatThrownBy(() -> addresses.set(functional, first, product, " ", "fr"))
                .hasMessage("releases.address.required");
        assertThatThrownBy(() -> addresses.set(functional, first, product, projectAddress, "de"))
                .hasMessage("releases.address.language");
        assertThat(addresses.of(functional, first, product))
                .as("nothing half-saved")
                .isEmpty();
        assertThatThrownBy(() -> addresses.set(elsewhere, first, product, projectAddress, "fr"))
                .as("another establishment's correspondent")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> addresses.set(member, first, product, projectAddress, "fr"))
                .isInstanceOf(NotFoundException.class);

        addresses.set(technical, first, product, projectAddress, "fr");
        assertThat(addresses.of(functional, first, product))
                .hasValue(new ProjectAddresses.ProjectAddress(projectAddress, Locale.FRENCH));
        addresses.clear(functional, first, product);
        assertThat(addresses.of(functional, first, product)).isEmpty();
    }

    @Test
    void aNewDocumentInTheProductsSpaceIsAnnouncedToItsCorrespondentsAndTheProjectAddress() throws Exception {
        addresses.set(functional, first, product, projectAddress, "fr");

        spaces.add(
                agent,
                ProductDocumentAudience.KIND,
                product.value(),
                Area.SOLUTION,
                Family.TECHNICAL,
                "",
                "Guide d’installation",
                "guide.txt",
                new ByteArrayInputStream("Guide".getBytes(StandardCharsets.UTF_8)));

        assertThat(Mails.body(Mails.awaitFirst(greenMail, projectAddress)))
                .contains("Guide d’installation")
                .as("why a shared address hears of it, instead of how to unsubscribe")
                .contains("l’adresse générique de projet de Université");
        Mails.awaitFirst(greenMail, functionalEmail);
        Mails.awaitFirst(greenMail, technicalEmail);
        Mails.awaitFirst(greenMail, elsewhereEmail);
        assertThat(spaces.space(elsewhere, ProductDocumentAudience.KIND, product.value(), Locale.FRENCH)
                        .mayWrite())
                .isFalse();
        assertThatThrownBy(() -> spaces.space(member, ProductDocumentAudience.KIND, product.value(), Locale.FRENCH))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void whenTheEstablishmentsLastCorrespondentLeavesItsProjectAddressAndHeHearNoMore() throws Exception {
        addresses.set(functional, first, product, projectAddress, "fr");
        setup.removeCorrespondent(first, product, functional);
        setup.removeCorrespondent(first, product, technical);

        spaces.add(
                agent,
                ProductDocumentAudience.KIND,
                product.value(),
                Area.SOLUTION,
                Family.TECHNICAL,
                "",
                "Note de version",
                "note.txt",
                new ByteArrayInputStream("Note".getBytes(StandardCharsets.UTF_8)));

        // the other establishment's correspondent is told: once his mail is there, the rest was sent too
        Mails.awaitFirst(greenMail, elsewhereEmail);
        assertThat(Mails.to(greenMail, projectAddress)).isEmpty();
        assertThat(Mails.to(greenMail, functionalEmail)).isEmpty();
        assertThatThrownBy(() -> spaces.space(functional, ProductDocumentAudience.KIND, product.value(), Locale.FRENCH))
                .as("no longer a correspondent: no longer a reader")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReleaseAnnouncedTooShowsInEveryCorrespondentsNewsWithoutASecondEmail() throws Exception {
        var id = draft("Version 2026.2", "Nouvelle version : **export** revu.");

        releases.publish(agent, product, id, true);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (var reader : List.of(functional, technical, elsewhere)) {
                assertThat(news.forPerson(reader, 0, 10).items())
                        .filteredOn(a -> a.kind() == AnnouncementKind.VERSION_DELIVERY)
                        .extracting(AnnouncementView::title)
                        .contains(releases.productName(agent, product) + " 2026.2 : Version 2026.2");
            }
        });
        assertThat(news.forPerson(member, 0, 10).items())
                .as("not a correspondent")
                .noneMatch(a -> a.title().endsWith(": Version 2026.2"));
        Mails.awaitFirst(greenMail, functionalEmail);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .untilAsserted(() -> assertThat(Mails.to(greenMail, functionalEmail))
                        .as("the release's e-mail, and no second one for its announcement")
                        .hasSize(1));
    }

    @Test
    void onlyTheAgencyPreparesAndPublishesAndABadDraftSavesNothing() throws Exception {
        var id = draft("Patch", "Notes");
        assertThatThrownBy(() -> releases.publish(functional, product, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> releases.publish(member, product, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> releases.find(functional, product, id))
                .as("a draft does not exist for a correspondent")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> releases.create(
                        agent,
                        product,
                        new Releases.Draft(ReleaseKind.PATCH, version, " ", "Notes"),
                        List.of(upload())))
                .hasMessage("releases.title.required");
        assertThatThrownBy(() -> releases.create(
                        agent, product, new Releases.Draft(ReleaseKind.PATCH, -1L, "Patch", "Notes"), List.of()))
                .hasMessage("releases.version.unknown");
        assertThatThrownBy(() ->
                        releases.create(agent, product, new Releases.Draft(null, version, "Patch", "Notes"), List.of()))
                .hasMessage("releases.kind.required");
        assertThat(releases.list(agent, product)).hasSize(1);

        releases.publish(agent, product, id);
        assertThatThrownBy(() -> releases.publish(agent, product, id)).hasMessage("releases.published-already");
        var empty = releases.create(
                agent, product, new Releases.Draft(ReleaseKind.VERSION, version, "Sans fichier", "Notes"), List.of());
        assertThatThrownBy(() -> releases.publish(agent, product, empty)).hasMessage("releases.files.required");
    }

    @Test
    void theApiPreparesPublishesAndListsAReleaseForItsCorrespondents() throws Exception {
        var agentToken = Visitor.signedIn(mvc, agentEmail).apiToken();
        var readerToken = Visitor.signedIn(mvc, elsewhereEmail).apiToken();
        var api = "/api/v1/products/" + product.value() + "/releases";

        var created = mvc.perform(multipart(api)
                        .file(new MockMultipartFile(
                                "files", "patch.txt", "text/plain", "PATCH".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "PATCH")
                        .param("versionId", String.valueOf(version))
                        .param("title", "Patch API")
                        .param("notes", "Par l’API")
                        .header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value("2026.2"))
                .andExpect(jsonPath("$.files[0].fileName").value("patch.txt"))
                .andReturn();
        var id = JsonPath.read(created.getResponse().getContentAsString(), "$.id.value")
                .toString();
        mvc.perform(multipart(api).param("kind", "PATCH").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.detail").value("Choisissez une des versions du logiciel."));
        mvc.perform(get(api).header("Authorization", "Bearer " + readerToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));

        mvc.perform(post(api + "/" + id + "/publication").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(post(api + "/" + id + "/publication").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Cette livraison est déjà publiée."));

        mvc.perform(get(api).header("Authorization", "Bearer " + readerToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("Patch API"))
                .andExpect(jsonPath("$[0].notes").value("Par l’API"));
        mvc.perform(get(api + "/" + id + "/files/0").header("Authorization", "Bearer " + readerToken))
                .andExpect(status().isOk())
                .andExpect(content().string("PATCH"));
        Mails.awaitFirst(greenMail, elsewhereEmail);
    }

    /** On PostgreSQL in CI: the version column lets one of two agents through. */
    @RepeatedTest(3)
    void twoAgentsPublishingAtOnceMakeOnePublicationAndOneEmailEach() throws Exception {
        var colleague = person(People.uniqueEmail("agence.test"), "Agent", null);
        accounts.makeAgent(colleague);
        var id = draft("Patch", "Notes");

        var barrier = new CyclicBarrier(2);
        var executor = Executors.newFixedThreadPool(2);
        var outcomes = new ArrayList<String>();
        for (var future : executor.invokeAll(
                List.<Callable<String>>of(() -> publish(barrier, agent, id), () -> publish(barrier, colleague, id)),
                30,
                TimeUnit.SECONDS)) {
            outcomes.add(future.get());
        }
        executor.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrder("published", "releases.published-already");
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = ?")
                        .param(functionalEmail)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private String publish(CyclicBarrier barrier, AccountId publisher, ReleaseId id) throws Exception {
        barrier.await(10, TimeUnit.SECONDS);
        try {
            releases.publish(publisher, product, id);
            return "published";
        } catch (ReleaseRefusal refusal) {
            return refusal.messageKey();
        }
    }

    private ReleaseId draft(String title, String notes) throws Exception {
        return releases.create(
                agent, product, new Releases.Draft(ReleaseKind.PATCH, version, title, notes), List.of(upload()));
    }

    private static Releases.Upload upload() {
        return new Releases.Upload("patch.txt", new ByteArrayInputStream("PATCH".getBytes(StandardCharsets.UTF_8)));
    }

    private void awaitAudit(String action, String details) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from audit_entry where action = ? and details like ?")
                                .params(action, "%" + details + "%")
                                .query(Long.class)
                                .single()
                        > 0);
    }

    private AccountId person(String email, String lastName, OrganizationId organization) {
        return accounts.createVerified(email, Civility.MADAME, lastName, "Test", organization, false, GOOD_PASSWORD);
    }
}
