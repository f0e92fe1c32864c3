package fr.guichet.news;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.alerts.AlertKind;
import fr.guichet.alerts.AlertPreferences;
import fr.guichet.alerts.Delivery;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.notification.Digests;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestClock;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The agency speaks to exactly the people concerned: an announcement aimed at a product's
 * correspondents in a région reaches those there, once each, on their home page and as each chose
 * to hear of it; the others neither see it nor get it.
 */
@IntegrationTest
class AnnouncementsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    Announcements announcements;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    HelpdeskSetup helpdesk;

    @Autowired
    AlertPreferences preferences;

    @Autowired
    Digests digests;

    @Autowired
    ServiceCatalogue services;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    MockMvc mvc;

    AccountId agent;
    String agentEmail;
    ProductId sifac;
    OrganizationId strasbourg;
    OrganizationId lyon;

    @BeforeEach
    void agencyAndTwoEstablishments() {
        agentEmail = People.uniqueEmail();
        agent = accounts.createVerified(agentEmail, Civility.MADAME, "Agence", "Ada", null, true, GOOD_PASSWORD);
        var code = "S" + Math.abs(System.nanoTime() % 1_000_000_000L);
        sifac = helpdesk.product(code, "Sifac " + code, null, List.of("2026.1"), List.of(true));
        strasbourg = establishment("Université de Strasbourg", "67081");
        lyon = establishment("Université de Lyon", "69007");
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private OrganizationId establishment(String name, String postalCode) {
        var domain = People.uniqueDomain();
        var id = organizations.createEstablishment(name + " " + domain, "U", Set.of(domain));
        organizations.change(
                id, new OrganizationDetails(name + " " + domain, "1 rue", postalCode, "Ville", null, null, null));
        return id;
    }

    private record Person(AccountId id, String email) {}

    private Person correspondent(OrganizationId establishment, CorrespondentKind... kinds) {
        var person = member(establishment);
        for (var kind : kinds) {
            helpdesk.correspondent(establishment, sifac, person.id(), kind);
        }
        return person;
    }

    private Person member(OrganizationId establishment) {
        return member(establishment, establishment);
    }

    /** A member of the organisation, with an address of the establishment's domain. */
    private Person member(OrganizationId organization, OrganizationId establishment) {
        var domain = organizations.find(establishment).orElseThrow().name().replaceAll(".* ", "");
        var email = People.uniqueEmail(domain);
        var id = accounts.createVerified(
                email, Civility.MONSIEUR, "Membre", "Marc", establishment, false, GOOD_PASSWORD);
        return new Person(id, email);
    }

    private Target sifacCorrespondentsInGrandEst(String kind) {
        return new Target(
                false,
                Map.of(Criterion.CORRESPONDENTS, Set.of(sifac.value() + ":" + kind), Criterion.PLACE, Set.of("R-44")));
    }

    private long publish(Target target) {
        return announcements.publish(
                agent,
                new AnnouncementDraft(
                        "Sifac 2027.1 est livrée",
                        "La version **2027.1** est disponible.",
                        AnnouncementKind.VERSION_DELIVERY,
                        sifac.value(),
                        null,
                        null,
                        target),
                null);
    }

    private void awaitSent(long id) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                announcements.find(agent, id).orElseThrow().status())
                        .isEqualTo(AnnouncementStatus.SENT));
    }

    @Test
    void sifacsCorrespondentsInGrandEstGetItOnceEachOnTheirHomePageAndByMailAndTheOthersDoNot() throws Exception {
        var functional = correspondent(strasbourg, CorrespondentKind.FUNCTIONAL);
        // correspondent of both kinds: one person, one copy
        var both = correspondent(strasbourg, CorrespondentKind.FUNCTIONAL, CorrespondentKind.TECHNICAL);
        var inLyon = correspondent(lyon, CorrespondentKind.FUNCTIONAL);
        var notCorrespondent = member(strasbourg);

        assertThat(announcements.reach(agent, sifacCorrespondentsInGrandEst("BOTH")))
                .isEqualTo(2);
        assertThat(announcements.reach(agent, sifacCorrespondentsInGrandEst("TECHNICAL")))
                .isEqualTo(1);

        var id = publish(sifacCorrespondentsInGrandEst("BOTH"));
        awaitSent(id);

        var view = announcements.find(agent, id).orElseThrow();
        assertThat(view.audienceSize()).isEqualTo(2);
        assertThat(view.progress()).isEqualTo(100);
        for (var reached : List.of(functional, both)) {
            var mail = Mails.awaitFirst(greenMail, reached.email());
            assertThat(mail.getSubject()).isEqualTo("Guichet : une annonce de l’Agence");
            assertThat(Mails.body(mail))
                    .contains("Sifac 2027.1 est livrée", "http://localhost:8080/actualites/" + id)
                    .contains("alerte « Annonces et actualités »");
            assertThat(mail.getHeader("List-Unsubscribe", null)).contains("/alertes/desabonnement/");
            var page = announcements.forPerson(reached.id(), 0, 10);
            assertThat(page.items()).extracting(AnnouncementView::id).contains(id);
            assertThat(read(reached, id)).as("unread yet").isFalse();
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(Mails.to(greenMail, both.email())).hasSize(1);
            assertThat(Mails.to(greenMail, inLyon.email())).isEmpty();
            assertThat(Mails.to(greenMail, notCorrespondent.email())).isEmpty();
        });
        for (var other : List.of(inLyon, notCorrespondent)) {
            assertThat(announcements.forPerson(other.id(), 0, 10).items())
                    .extracting(AnnouncementView::id)
                    .doesNotContain(id);
            assertThat(announcements.find(other.id(), id))
                    .as("not his: not found")
                    .isEmpty();
        }

        announcements.markRead(functional.id(), id);
        announcements.markRead(functional.id(), id);
        assertThat(read(functional, id)).isTrue();

        await().untilAsserted(() -> assertThat(
                        jdbc.sql("""
                                select details from audit_entry where action = 'ANNOUNCEMENT_PUBLISHED' and actor_account_id = ?""").param(agent.value()).query(String.class).list())
                .containsExactly("people: 2, target: CORRESPONDENTS=" + sifac.value() + ":BOTH & PLACE=R-44"));
    }

    @Test
    void eachHearsOfItAsHeChoseButSeesItOnHisHomePageWhatever() {
        var atOnce = correspondent(strasbourg, CorrespondentKind.FUNCTIONAL);
        var daily = correspondent(strasbourg, CorrespondentKind.FUNCTIONAL);
        var never = correspondent(strasbourg, CorrespondentKind.FUNCTIONAL);
        preferences.choose(daily.id(), Map.of(AlertKind.ANNOUNCEMENTS, Delivery.DIGEST));
        preferences.choose(never.id(), Map.of(AlertKind.ANNOUNCEMENTS, Delivery.OFF));

        var id = publish(sifacCorrespondentsInGrandEst("FUNCTIONAL"));
        awaitSent(id);

        Mails.awaitFirst(greenMail, atOnce.email());
        assertThat(digests.waiting(daily.id().value())).isEqualTo(1);
        assertThat(digests.waiting(never.id().value())).isZero();
        for (var person : List.of(atOnce, daily, never)) {
            assertThat(announcements.forPerson(person.id(), 0, 10).items())
                    .extracting(AnnouncementView::id)
                    .contains(id);
        }
        digests.sendDue();
        assertThat(Mails.body(Mails.awaitFirst(greenMail, daily.email()))).contains("Sifac 2027.1 est livrée");
        assertThat(Mails.to(greenMail, never.email())).isEmpty();
    }

    @Test
    void anAnnouncementForLaterShowsFromItsDateAndAWithdrawnOneNoLonger() {
        var reader = correspondent(strasbourg, CorrespondentKind.TECHNICAL);
        var later = announcements.publish(
                agent,
                new AnnouncementDraft(
                        "Séminaire des utilisateurs",
                        "Le séminaire aura lieu à Strasbourg.",
                        AnnouncementKind.SEMINAR,
                        sifac.value(),
                        clock.instant().plus(Duration.ofDays(2)),
                        clock.instant().plus(Duration.ofDays(30)),
                        sifacCorrespondentsInGrandEst("BOTH")),
                null);
        assertThat(announcements.find(agent, later).orElseThrow().status()).isEqualTo(AnnouncementStatus.SCHEDULED);
        assertThat(announcements.find(reader.id(), later)).isEmpty();

        clock.advance(Duration.ofDays(3));
        awaitSent(later);
        assertThat(announcements.find(reader.id(), later)).isPresent();

        announcements.withdraw(agent, later);
        assertThat(announcements.find(reader.id(), later)).as("withdrawn").isEmpty();
        assertThat(announcements.forPerson(reader.id(), 0, 10).items())
                .extracting(AnnouncementView::id)
                .doesNotContain(later);
        assertThatThrownBy(() -> announcements.withdraw(agent, later)).isInstanceOf(AnnouncementRefusal.class);

        clock.advance(Duration.ofDays(40));
        var expired = publish(sifacCorrespondentsInGrandEst("BOTH"));
        awaitSent(expired);
        assertThat(announcements.find(reader.id(), expired))
                .as("a new one, not expired")
                .isPresent();
    }

    @Test
    void whatCannotBeAnnouncedIsRefusedAndNothingIsSaved() {
        var before = jdbc.sql("select count(*) from announcement")
                .query(Integer.class)
                .single();
        var member = member(strasbourg);
        assertThatThrownBy(() -> publish(new Target(false, Map.of(Criterion.PLACE, Set.of("R-99")))))
                .isInstanceOf(AnnouncementRefusal.class)
                .hasMessage("news.refused.unknown-target");
        assertThatThrownBy(() -> publish(new Target(false, Map.of(Criterion.ESTABLISHMENT, Set.of("abc")))))
                .isInstanceOf(AnnouncementRefusal.class);
        assertThatThrownBy(() -> new Target(false, Map.of())).isInstanceOf(AnnouncementRefusal.class);
        assertThatThrownBy(() -> new AnnouncementDraft(
                        " ", "texte", AnnouncementKind.NEWS, null, null, null, Target.toEveryone()))
                .hasMessage("news.refused.title-required");
        assertThatThrownBy(() -> new AnnouncementDraft(
                        "Titre", "texte", AnnouncementKind.SEMINAR, null, null, null, Target.toEveryone()))
                .hasMessage("news.refused.product-required");
        assertThatThrownBy(() -> announcements.publish(
                        agent,
                        new AnnouncementDraft(
                                "Titre",
                                "texte",
                                AnnouncementKind.NEWS,
                                null,
                                null,
                                clock.instant().minus(Duration.ofDays(1)),
                                Target.toEveryone()),
                        null))
                .hasMessage("news.refused.expires-before");
        assertThatThrownBy(() -> announcements.publish(
                        member.id(),
                        new AnnouncementDraft(
                                "Titre", "texte", AnnouncementKind.NEWS, null, null, null, Target.toEveryone()),
                        null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from announcement")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    /** The product plan for Sifac's correspondents in Grand Est, as the agent's form sends it. */
    private MockHttpServletRequestBuilder planForm(String action) {
        return planForm(action, "targeted");
    }

    private MockHttpServletRequestBuilder planForm(String action, String audience) {
        return post("/agence/annonces/nouvelle")
                .with(csrf())
                .param("title", "Plan produit Sifac")
                .param("body", "Le plan produit 2027 <script>alert(1)</script>")
                .param("kind", "PRODUCT_PLAN")
                .param("product", String.valueOf(sifac.value()))
                .param("audience", audience)
                .param("correspondentProducts", String.valueOf(sifac.value()))
                .param("correspondentKind", "BOTH")
                .param("places", "R-44")
                .param("action", action);
    }

    @Test
    void criteriaChosenWithEveryoneLeftOnAreRefusedNotSentToEveryone() throws Exception {
        var before = jdbc.sql("select count(*) from announcement")
                .query(Integer.class)
                .single();
        var agentPages = Visitor.signedIn(mvc, agentEmail);
        for (var action : List.of("apercu", "publier")) {
            agentPages
                    .perform(planForm(action, "everyone"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("ne se combine pas avec des critères")));
        }
        assertThat(jdbc.sql("select count(*) from announcement")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void theAgentsPagesPreviewTheReachPublishAndShowTheProgressAndMembersReadItOnTheirHomePage() throws Exception {
        var reader = correspondent(strasbourg, CorrespondentKind.FUNCTIONAL);
        var agentPages = Visitor.signedIn(mvc, agentEmail);
        agentPages
                .perform(planForm("apercu"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cette annonce atteindrait 1 personne")));

        var location = agentPages
                .perform(planForm("publier"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        awaitSent(id);
        agentPages
                .perform(get("/agence/annonces/{id}/progression", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 sur 1")));

        var member = Visitor.signedIn(mvc, reader.email());
        member.perform(get("/")).andExpect(content().string(containsString("Plan produit Sifac")));
        var page = member.perform(get("/actualites/{id}", id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Le plan produit 2027").doesNotContain("<script>alert(1)</script>");
        assertThat(read(reader, id)).isTrue();

        member.perform(get("/agence/annonces")).andExpect(status().isForbidden());
        member.perform(get("/agence/annonces/nouvelle")).andExpect(status().isForbidden());
        var stranger = member(lyon);
        Visitor.signedIn(mvc, stranger.email())
                .perform(get("/actualites/{id}", id))
                .andExpect(status().isNotFound());
    }

    @Test
    void theApiPublishesForAgentsAndReadsForThePeopleAimedAt() throws Exception {
        var reader = correspondent(strasbourg, CorrespondentKind.FUNCTIONAL);
        var agentToken = Visitor.signedIn(mvc, agentEmail).apiToken();
        var readerToken = Visitor.signedIn(mvc, reader.email()).apiToken();
        var json = """
                {"title": "Calendrier des formations", "body": "Les sessions de **mars**.",
                 "kind": "TRAINING_CALENDAR", "productId": %d, "everyone": false,
                 "criteria": {"CORRESPONDENTS": ["%d:FUNCTIONAL"], "PLACE": ["D-67"]}}""".formatted(sifac.value(), sifac.value());

        mvc.perform(post("/api/v1/announcements/reach")
                        .header("Authorization", "Bearer " + agentToken)
                        .contentType("application/json")
                        .content(json))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"people\": 1}"));
        mvc.perform(post("/api/v1/announcements")
                        .header("Authorization", "Bearer " + readerToken)
                        .contentType("application/json")
                        .content(json))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/announcements")
                        .header("Authorization", "Bearer " + agentToken)
                        .contentType("application/json")
                        .content(json.replace("D-67", "D-00")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Un des destinataires choisis n’existe pas")));
        var created = mvc.perform(post("/api/v1/announcements")
                        .header("Authorization", "Bearer " + agentToken)
                        .contentType("application/json")
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        var id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        awaitSent(id);

        mvc.perform(get("/api/v1/announcements").header("Authorization", "Bearer " + readerToken))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Calendrier des formations")))
                .andExpect(content().string(containsString("\"read\":false")));
        mvc.perform(get("/api/v1/announcements/{id}", id).header("Authorization", "Bearer " + readerToken))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>mars</strong>")));
        assertThat(read(reader, id)).isTrue();
        var strangerToken = Visitor.signedIn(mvc, member(lyon).email()).apiToken();
        mvc.perform(get("/api/v1/announcements/{id}", id).header("Authorization", "Bearer " + strangerToken))
                .andExpect(status().isNotFound());
    }

    /** A member who chose this on "Alertes et préférences": interest domains and the newsletter. */
    private Person choosing(OrganizationId establishment, boolean newsletter, String... domains) throws Exception {
        var person = member(establishment);
        var request = post("/compte/preferences").with(csrf()).param("newsletter", String.valueOf(newsletter));
        if (domains.length > 0) {
            request.param("interestDomains", domains);
        }
        Visitor.signedIn(mvc, person.email()).perform(request).andExpect(status().is3xxRedirection());
        return person;
    }

    private boolean read(Person person, long id) {
        return announcements.forPerson(person.id(), 0, 50).items().stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow()
                .read();
    }

    private List<Long> seenBy(Person person) {
        return announcements.forPerson(person.id(), 0, 50).items().stream()
                .map(AnnouncementView::id)
                .toList();
    }

    @Test
    void eachCriterionReachesItsPeopleAndCriteriaOfTwoSortsNarrowEachOther() throws Exception {
        var purchasing = organizations.createSubOrganization(
                strasbourg,
                "LARGE",
                new OrganizationDetails("Direction des achats", "1 rue", "67081", "Strasbourg", null, null, null));
        var inTheSubOrganization = member(purchasing, strasbourg);
        var buyerInLyon = choosing(lyon, false, "PURCHASING");
        var buyerInStrasbourg = choosing(strasbourg, false, "PURCHASING", "LEGAL");
        var lawyerInLyon = choosing(lyon, false, "LEGAL");

        assertThat(announcements.reach(
                        agent, new Target(false, Map.of(Criterion.ESTABLISHMENT, Set.of("" + strasbourg.value())))))
                .as("the establishment's members, its sub-organisations' included")
                .isEqualTo(2);
        var domains = new Target(false, Map.of(Criterion.INTEREST_DOMAIN, Set.of("PURCHASING", "LEGAL")));
        var domainsInStrasbourg = new Target(
                false,
                Map.of(
                        Criterion.INTEREST_DOMAIN,
                        Set.of("PURCHASING", "LEGAL"),
                        Criterion.ESTABLISHMENT,
                        Set.of("" + strasbourg.value())));
        var id = publish(domainsInStrasbourg);
        var wide = publish(domains);
        awaitSent(id);
        awaitSent(wide);

        assertThat(seenBy(buyerInStrasbourg)).contains(id, wide);
        assertThat(seenBy(buyerInLyon)).contains(wide).doesNotContain(id);
        assertThat(seenBy(lawyerInLyon)).contains(wide).doesNotContain(id);
        assertThat(seenBy(inTheSubOrganization)).doesNotContain(id, wide);
        await().untilAsserted(() -> assertThat(Mails.to(greenMail, buyerInStrasbourg.email()))
                .as("one e-mail per announcement, though he chose both domains")
                .hasSize(2));
    }

    @Test
    void toEveryoneItIsTheNewsletterShownToAllAndEmailedToThoseWhoAskedForIt() throws Exception {
        var reader = choosing(lyon, true);
        var notSubscribed = choosing(lyon, false);

        var id = announcements.publish(
                agent,
                new AnnouncementDraft(
                        "La lettre de l’Agence",
                        "Les nouvelles du mois.",
                        AnnouncementKind.NEWS,
                        null,
                        null,
                        null,
                        Target.toEveryone()),
                null);
        awaitSent(id);

        assertThat(seenBy(reader)).contains(id);
        assertThat(seenBy(notSubscribed)).contains(id);
        assertThat(Mails.body(Mails.awaitFirst(greenMail, reader.email()))).contains("La lettre de l’Agence");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() ->
                        assertThat(Mails.to(greenMail, notSubscribed.email())).isEmpty());
    }

    @Test
    void anAttachmentIsForThePeopleAimedAtAndAFileOfAnotherTypeIsRefusedWithNothingSaved() throws Exception {
        var reader = correspondent(strasbourg, CorrespondentKind.FUNCTIONAL);
        var agentPages = Visitor.signedIn(mvc, agentEmail);
        var before = jdbc.sql("select count(*) from announcement")
                .query(Integer.class)
                .single();
        agentPages
                .perform(multipart("/agence/annonces/nouvelle")
                        .file(new MockMultipartFile("attachment", "outil.exe", "application/octet-stream", new byte[] {
                            'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0
                        }))
                        .with(csrf())
                        .param("title", "Un outil")
                        .param("body", "À installer.")
                        .param("kind", "NEWS")
                        .param("audience", "targeted")
                        .param("places", "R-44")
                        .param("action", "publier"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"refusal\"")));
        assertThat(jdbc.sql("select count(*) from announcement")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);

        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var location = agentPages
                .perform(multipart("/agence/annonces/nouvelle")
                        .file(new MockMultipartFile("attachment", "../../programme.pdf", "application/pdf", pdf))
                        .with(csrf())
                        .param("title", "Le programme du séminaire")
                        .param("body", "Le programme est joint.")
                        .param("kind", "SEMINAR")
                        .param("product", String.valueOf(sifac.value()))
                        .param("audience", "targeted")
                        .param("correspondentProducts", String.valueOf(sifac.value()))
                        .param("places", "R-44")
                        .param("action", "publier"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        awaitSent(id);

        var download = Visitor.signedIn(mvc, reader.email())
                .perform(get("/actualites/{id}/piece-jointe", id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(download.getHeader("Content-Disposition"))
                .as("the name without its path")
                .contains("attachment")
                .contains("programme.pdf")
                .doesNotContain("..");
        Visitor.signedIn(mvc, member(lyon).email())
                .perform(get("/actualites/{id}/piece-jointe", id))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEstablishmentGoneBeforeTheDateReachesNobodyAndHoldsUpNoOtherAnnouncement() {
        var doomed = establishment("Établissement fermé", "67000");
        var reader = correspondent(strasbourg, CorrespondentKind.TECHNICAL);
        var forLater = announcements.publish(
                agent,
                new AnnouncementDraft(
                        "Pour un établissement qui fermera",
                        "Texte.",
                        AnnouncementKind.NEWS,
                        null,
                        clock.instant().plus(Duration.ofHours(1)),
                        null,
                        new Target(false, Map.of(Criterion.ESTABLISHMENT, Set.of("" + doomed.value())))),
                null);
        organizations.delete(doomed);
        var now = publish(sifacCorrespondentsInGrandEst("BOTH"));

        clock.advance(Duration.ofHours(2));
        awaitSent(forLater);
        awaitSent(now);
        assertThat(announcements.find(agent, forLater).orElseThrow().audienceSize())
                .isZero();
        assertThat(seenBy(reader)).contains(now);
    }

    @Test
    void whoLeavesAnEstablishmentNoLongerReadsWhatWasPublishedToItsPeople() {
        var leaving = member(lyon);
        var staying = member(lyon);
        accounts.join(leaving.id(), strasbourg, "-");
        var id = publish(new Target(false, Map.of(Criterion.ESTABLISHMENT, Set.of("" + lyon.value()))));
        awaitSent(id);
        assertThat(seenBy(leaving)).contains(id);

        accounts.leave(leaving.id(), lyon, agent, "-");

        assertThat(seenBy(leaving)).doesNotContain(id);
        assertThat(announcements.find(leaving.id(), id)).isEmpty();
        assertThat(seenBy(staying)).contains(id);
    }

    @Test
    void aMemberReadsNotHowManyPeopleAnAnnouncementReachedAndAClientsNullsAreNoError() throws Exception {
        var reader = correspondent(strasbourg, CorrespondentKind.FUNCTIONAL);
        var id = publish(sifacCorrespondentsInGrandEst("BOTH"));
        awaitSent(id);
        assertThat(announcements.find(reader.id(), id).orElseThrow().audienceSize())
                .isNull();
        assertThat(announcements.find(agent, id).orElseThrow().audienceSize()).isEqualTo(1);

        var agentToken = Visitor.signedIn(mvc, agentEmail).apiToken();
        mvc.perform(post("/api/v1/announcements/reach")
                        .header("Authorization", "Bearer " + agentToken)
                        .contentType("application/json")
                        .content("{\"everyone\": false, \"criteria\": {\"PLACE\": null, \"SERVICE\": [null]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("au moins un critère")));
    }

    @Test
    void toAServicesHoldersItShowsToEachAndIsEmailedToThoseWhoStarredIt() throws Exception {
        var service = services.define(new ServiceDefinition(
                "N" + Math.abs(System.nanoTime() % 1_000_000_000L),
                "Service des annonces " + System.nanoTime(),
                null,
                InterestDomain.PURCHASING,
                DecidedBy.NOBODY,
                true));
        var starring = member(strasbourg);
        var holding = member(strasbourg);
        var outsider = member(strasbourg);
        for (var person : List.of(starring, holding)) {
            var visitor = Visitor.signedIn(mvc, person.email());
            visitor.perform(post("/services/{id}/demande", service.value()).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            if (person == starring) {
                visitor.perform(post("/services/{id}/favori", service.value()).with(csrf()))
                        .andExpect(status().is3xxRedirection());
            }
        }

        var id = publish(new Target(false, Map.of(Criterion.SERVICE, Set.of("" + service.value()))));
        awaitSent(id);

        assertThat(seenBy(starring)).contains(id);
        assertThat(seenBy(holding)).contains(id);
        assertThat(seenBy(outsider)).doesNotContain(id);
        assertThat(Mails.body(Mails.awaitFirst(greenMail, starring.email()))).contains("Sifac 2027.1 est livrée");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(Mails.to(greenMail, holding.email()))
                        .as("favourites drive alerts: he holds it but did not star it")
                        .isEmpty());
    }
}
