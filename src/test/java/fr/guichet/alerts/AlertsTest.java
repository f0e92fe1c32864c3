package fr.guichet.alerts;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.GuichetApplication;
import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.access.ServiceId;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.documents.Area;
import fr.guichet.documents.DocumentSpaces;
import fr.guichet.documents.Family;
import fr.guichet.notification.Digests;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestClock;
import fr.guichet.support.TestDatabase;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who hears what, as the people concerned see it in their mailboxes: a new document in a service's
 * space reaches its holders who starred the service, each as he chose: at once (with the link that
 * stops it in one click), in his daily digest, or never.
 */
@IntegrationTest
class AlertsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    private static final Pattern UNSUBSCRIBE = Pattern.compile("<http://localhost:8080(/alertes/desabonnement/[^>]+)>");

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    ServiceCatalogue services;

    @Autowired
    DocumentSpaces spaces;

    @Autowired
    AlertPreferences preferences;

    @Autowired
    Digests digests;

    @Autowired
    TestClock clock;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    /** An establishment, an agent who writes in the service's space, and a service whose holders are these people. */
    private record Space(
            ServiceId service,
            AccountId agent,
            Map<String, AccountId> people,
            Map<String, String> emails,
            Map<String, Visitor> visitors) {}

    private Space space(String... names) throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        var agent = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Agence", "Ada", null, true, GOOD_PASSWORD);
        var service = services.define(new ServiceDefinition(
                "A" + Math.abs(System.nanoTime() % 1_000_000_000L),
                "Service " + domain,
                null,
                InterestDomain.PURCHASING,
                DecidedBy.NOBODY,
                true));
        var people = new LinkedHashMap<String, AccountId>();
        var emails = new LinkedHashMap<String, String>();
        var visitors = new LinkedHashMap<String, Visitor>();
        for (var name : names) {
            var email = People.uniqueEmail(domain);
            var person = accounts.createVerified(
                    email, Civility.MADAME, name, "Marion", establishment, false, GOOD_PASSWORD);
            var visitor = Visitor.signedIn(mvc, email);
            // a service nobody decides: asking is holding
            visitor.perform(post("/services/{id}/demande", service.value()).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            people.put(name, person);
            emails.put(name, email);
            visitors.put(name, visitor);
        }
        return new Space(service, agent, people, emails, visitors);
    }

    private void star(Space space, String name) throws Exception {
        space.visitors()
                .get(name)
                .perform(post("/services/{id}/favori", space.service().value()).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private void add(Space space, String title) throws Exception {
        spaces.add(
                space.agent(),
                "service",
                space.service().value(),
                Area.ESTABLISHMENTS,
                Family.BUSINESS,
                "",
                title,
                "note.txt",
                new ByteArrayInputStream("Bonjour".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNewDocumentReachesTheHoldersWhoStarredTheServiceAndSaysWhyWithALinkThatStopsIt() throws Exception {
        var space = space("Favori", "Distrait");
        star(space, "Favori");

        add(space, "Guide de l’acheteur");

        var mail = Mails.awaitFirst(greenMail, space.emails().get("Favori"));
        var body = Mails.body(mail);
        assertThat(body).contains("Guide de l’acheteur");
        assertThat(body)
                .as("the footer says why and links to the choice that governs it")
                .contains("alerte « Nouveaux documents »")
                .contains("http://localhost:8080/compte/alertes#NEW_DOCUMENTS");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("List-Unsubscribe", null)).matches(UNSUBSCRIBE);

        // what the starred one got has gone out; the one who did not star the service got nothing
        greenMail.waitForIncomingEmail(1);
        assertThat(Mails.to(greenMail, space.emails().get("Distrait"))).isEmpty();
    }

    @Test
    void theOneClickOfTheHeaderStopsTheKindWithoutSigningInAndAnAlteredLinkStopsNothing() throws Exception {
        var space = space("Lectrice");
        star(space, "Lectrice");
        add(space, "Premier document");
        var mail = Mails.awaitFirst(greenMail, space.emails().get("Lectrice"));
        var matcher = UNSUBSCRIBE.matcher(mail.getHeader("List-Unsubscribe", null));
        assertThat(matcher.matches()).isTrue();
        var path = matcher.group(1);
        var person = space.people().get("Lectrice");

        // a mail scanner opening the link changes nothing
        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ne plus les recevoir")));
        assertThat(preferences.of(person)).containsEntry(AlertKind.NEW_DOCUMENTS, Delivery.IMMEDIATE);

        // another person's number with this signature, or another kind: not signed here
        var forged = path.replace("/" + person.value() + "/", "/" + (person.value() + 1) + "/");
        mvc.perform(post(forged).param("List-Unsubscribe", "One-Click")).andExpect(status().isNotFound());
        mvc.perform(post(path.replace("NEW_DOCUMENTS", "ANNOUNCEMENTS")).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isNotFound());

        // the mail program's POST (RFC 8058): no session, no CSRF token
        mvc.perform(post(path).param("List-Unsubscribe", "One-Click")).andExpect(status().isOk());
        assertThat(preferences.of(person)).containsEntry(AlertKind.NEW_DOCUMENTS, Delivery.OFF);

        add(space, "Deuxième document");
        add(space, "Troisième document, pour être sûr");
        // the dispatcher has had the time to send them, had they been written
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(Mails.to(greenMail, space.emails().get("Lectrice")))
                                .hasSize(1));
    }

    @Test
    void whatAwaitsAnActionMayWaitForTheDigestButCannotBeSwitchedOffNeitherByTheApiNorByAForgedForm() throws Exception {
        var space = space("Décideuse");
        var person = space.people().get("Décideuse");
        assertThatThrownBy(() -> preferences.choose(person, Map.of(AlertKind.ACCESS_TO_DECIDE, Delivery.OFF)))
                .isInstanceOf(AlertRefusal.class);

        var visitor = space.visitors().get("Décideuse");
        visitor.perform(post("/compte/alertes")
                        .with(csrf())
                        .param("MY_TICKETS", "DIGEST")
                        .param("ACCESS_TO_DECIDE", "OFF"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ne peut pas être désactivé")));
        assertThat(preferences.of(person))
                .as("nothing of the form is saved")
                .containsEntry(AlertKind.MY_TICKETS, Delivery.IMMEDIATE)
                .containsEntry(AlertKind.ACCESS_TO_DECIDE, Delivery.IMMEDIATE);

        visitor.perform(post("/compte/alertes").with(csrf()).param("MY_TICKETS", "SOMETIMES"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ce choix n’existe pas")));

        visitor.perform(post("/compte/alertes")
                        .with(csrf())
                        .param("MY_TICKETS", "OFF")
                        .param("ACCESS_TO_DECIDE", "DIGEST"))
                .andExpect(status().is3xxRedirection());
        assertThat(preferences.of(person))
                .containsEntry(AlertKind.MY_TICKETS, Delivery.OFF)
                .containsEntry(AlertKind.ACCESS_TO_DECIDE, Delivery.DIGEST);
        var page = visitor.perform(get("/compte/alertes"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll("\\s+", " ");
        assertThat(page)
                .contains("id=\"MY_TICKETS-OFF\" value=\"OFF\" checked=\"checked\"")
                .contains("id=\"ACCESS_TO_DECIDE-DIGEST\" value=\"DIGEST\" checked=\"checked\"")
                .as("what awaits him offers no \"never\"")
                .doesNotContain("ACCESS_TO_DECIDE-OFF");
    }

    @Test
    void theDigestGathersTheDaysAlertsInOneMailOnceADayAndARerunOrAnotherNodeSendsNothingTwice() throws Exception {
        var space = space("Résumée");
        star(space, "Résumée");
        var person = space.people().get("Résumée");
        var email = space.emails().get("Résumée");
        preferences.choose(person, Map.of(AlertKind.NEW_DOCUMENTS, Delivery.DIGEST));

        add(space, "Compte rendu du comité");
        add(space, "Calendrier des formations");
        // told after the file's commit, by a listener of its own
        await().untilAsserted(() -> assertThat(digests.waiting(person.value())).isEqualTo(2));

        digests.sendDue();
        var digest = Mails.awaitFirst(greenMail, email);
        assertThat(digest.getSubject()).isEqualTo("Guichet : votre résumé du jour");
        assertThat(Mails.body(digest))
                .contains("Compte rendu du comité", "Calendrier des formations")
                .contains("une fois par jour")
                .as("one greeting, one signature, not one per item")
                .containsOnlyOnce("Bonjour");
        assertThat(digest.getHeader("List-Unsubscribe")).isNull();

        // later the same day: held for tomorrow, whoever runs the job again
        add(space, "Note de service");
        await().untilAsserted(() -> assertThat(digests.waiting(person.value())).isEqualTo(1));
        digests.sendDue();
        try (var otherNode = new SpringApplicationBuilder(GuichetApplication.class)
                .profiles(new TestDatabase().resolve(getClass()))
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run()) {
            otherNode.getBean(Digests.class).sendDue();
        }
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Mails.to(greenMail, email)).hasSize(1));
        assertThat(digests.waiting(person.value())).isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        digests.sendDue();
        await().untilAsserted(() -> assertThat(Mails.to(greenMail, email)).hasSize(2));
        assertThat(Mails.body(Mails.to(greenMail, email).get(1)))
                .contains("Note de service")
                .doesNotContain("Compte rendu du comité");
        assertThat(digests.waiting(person.value())).isZero();

        // nothing waiting: no digest at all
        clock.advance(Duration.ofDays(1));
        digests.sendDue();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(Mails.to(greenMail, email)).hasSize(2));
    }

    @Test
    void theApiReadsAndChangesTheChoicesWithThePagesRules() throws Exception {
        var space = space("Programmeuse");
        var token = space.visitors().get("Programmeuse").apiToken();
        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"ANNOUNCEMENTS\":\"IMMEDIATE\"")));
        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + token)
                        .contentType("application/json")
                        .content("{\"alerts\": {\"ANNOUNCEMENTS\": \"DIGEST\", \"ACCESS_TO_DECIDE\": \"OFF\"}}"))
                .andExpect(status().isBadRequest());
        assertThat(preferences.of(space.people().get("Programmeuse")))
                .containsEntry(AlertKind.ANNOUNCEMENTS, Delivery.IMMEDIATE);
        mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + token)
                        .contentType("application/json")
                        .content("{\"alerts\": {\"ANNOUNCEMENTS\": \"DIGEST\"}}"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"ANNOUNCEMENTS\":\"DIGEST\"")));
        mvc.perform(get("/api/v1/me/preferences")).andExpect(status().isUnauthorized());
    }
}
