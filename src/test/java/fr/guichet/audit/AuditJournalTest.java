package fr.guichet.audit;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The trail as its readers use it: searched by words, action, period and organisation, read page
 * after page beyond the newest, exported as CSV with the same filters; an establishment's
 * administrators read their tree only, the agency reads every establishment's.
 */
@IntegrationTest
class AuditJournalTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    AuditTrail trail;

    OrganizationId establishment;
    OrganizationId service;
    OrganizationId other;
    AccountId rose;
    String roseEmail;
    Visitor admin;
    Visitor otherAdmin;
    Visitor agent;
    Visitor member;
    String tag;

    @BeforeEach
    void twoEstablishments() throws Exception {
        var domain = People.uniqueDomain();
        tag = "j" + domain.replaceAll("[^a-z0-9]", "");
        establishment = organizations.createEstablishment("Commune " + tag, "C", Set.of(domain));
        service = organizations.createSubOrganization(
                establishment, "SMALL", new OrganizationDetails("Service " + tag, "", "", "", "", "", ""));
        var otherDomain = People.uniqueDomain();
        other = organizations.createEstablishment("Autre " + tag, "A", Set.of(otherDomain));

        var adminEmail = People.uniqueEmail(domain);
        var adminId = accounts.createVerified(
                adminEmail, Civility.MONSIEUR, "Admin", "Alain", establishment, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, adminId);
        admin = Visitor.signedIn(mvc, adminEmail);

        var otherEmail = People.uniqueEmail(otherDomain);
        var otherId =
                accounts.createVerified(otherEmail, Civility.MADAME, "Autre", "Anne", other, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(other, otherId);
        otherAdmin = Visitor.signedIn(mvc, otherEmail);

        var agentEmail = People.uniqueEmail();
        var agentId =
                accounts.createVerified(agentEmail, Civility.MADAME, "Agent", "Agathe", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agentId);
        agent = Visitor.signedIn(mvc, agentEmail);

        var memberEmail = People.uniqueEmail(domain);
        accounts.createVerified(memberEmail, Civility.MONSIEUR, "Membre", "Marc", establishment, false, GOOD_PASSWORD);
        member = Visitor.signedIn(mvc, memberEmail);

        roseEmail = People.uniqueEmail(domain);
        rose = accounts.createVerified(
                roseEmail, Civility.MADAME, "Lambert" + tag, "Rose", establishment, false, GOOD_PASSWORD);
    }

    @Test
    void wordsActionPeriodAndOrganisationNarrowTheTrailAndTheLinksKeepThem() throws Exception {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        write(now.minus(40, ChronoUnit.DAYS), "USER_ADDED", null, establishment, "ancien-" + tag, null);
        write(now, "USER_ADDED", rose, establishment, "dupont-" + tag, null);
        write(now, "RIGHT_GRANTED", rose, service, "martin-" + tag, "ADMIN CREATE_USERS");
        write(now, "RIGHT_GRANTED", null, other, "ailleurs-" + tag, null);

        var base = "/organisations/" + establishment.value() + "/journal";
        // her name finds what she did, in the establishment and its service, never the other's
        assertThat(targets(page(admin, base + "?texte=lambert" + tag)))
                .containsExactlyInAnyOrder("dupont-" + tag, "martin-" + tag);
        assertThat(targets(page(admin, base + "?texte=" + roseEmail)))
                .containsExactlyInAnyOrder("dupont-" + tag, "martin-" + tag);
        assertThat(targets(page(admin, base + "?texte=" + tag + "&action=RIGHT_GRANTED")))
                .containsExactly("martin-" + tag);
        assertThat(targets(page(admin, base + "?texte=" + tag + "&organisation=" + service.value())))
                .containsExactly("martin-" + tag);
        var today = LocalDate.ofInstant(now, ZoneId.of("Europe/Paris"));
        assertThat(targets(page(admin, base + "?texte=" + tag + "&du=" + today.minusDays(1) + "&au=" + today)))
                .containsExactlyInAnyOrder("dupont-" + tag, "martin-" + tag);
        assertThat(targets(page(admin, base + "?texte=" + tag + "&au=" + today.minusDays(30))))
                .containsExactly("ancien-" + tag);
        // words in the details, and the same search kept in the export's link
        var byDetails = page(admin, base + "?texte=create_users&action=RIGHT_GRANTED");
        assertThat(targets(byDetails)).contains("martin-" + tag);
        assertThat(byDetails.selectFirst("[data-testid=csv-link]").attr("href"))
                .contains("journal.csv")
                .contains("texte=create_users")
                .contains("action=RIGHT_GRANTED");
        // the form shows what was asked
        assertThat(byDetails.selectFirst("#journal-texte").val()).isEqualTo("create_users");
        assertThat(byDetails.select("label[for=journal-du]")).isNotEmpty();
    }

    @Test
    void whatCannotBeReadIsSaidAndNothingIsShownInstead() throws Exception {
        write(Instant.now(), "USER_ADDED", null, establishment, "x-" + tag, null);
        var base = "/organisations/" + establishment.value() + "/journal";

        var unreadable = page(admin, base + "?du=31/02/2025");
        assertThat(unreadable.select("[data-testid=journal-problems]").text()).contains("31/02/2025");
        assertThat(unreadable.select("[data-testid=journal]")).isEmpty();
        var reversed = page(admin, base + "?du=2025-03-02&au=2025-03-01");
        assertThat(reversed.select("[data-testid=journal-problems]").text()).contains("précède");
        // an organisation outside his tree is not one of his choices
        var outside = page(admin, base + "?organisation=" + other.value());
        assertThat(outside.select("[data-testid=journal-problems]").text()).contains(String.valueOf(other.value()));
        assertThat(outside.select("[data-testid=journal]")).isEmpty();
        var english = Jsoup.parse(admin.perform(get(base + "?action=NOPE").header("Accept-Language", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(english.select("[data-testid=journal-problems]").text()).contains("is not one of the choices");
    }

    @Test
    void theTrailIsReadPageAfterPageBeyondItsNewestEntries() throws Exception {
        var start = Instant.now().minus(1, ChronoUnit.HOURS);
        for (int i = 0; i < AuditPages.PAGE * 2 + 5; i++) {
            write(start.plusSeconds(i), "USER_ADDED", null, establishment, "p" + i + "-" + tag, null);
        }
        var base = "/organisations/" + establishment.value() + "/journal?texte=" + tag;

        var first = page(admin, base);
        assertThat(targets(first)).hasSize(AuditPages.PAGE).first().isEqualTo("p104-" + tag);
        assertThat(first.select("a[rel=prev]")).isEmpty();
        var second = page(admin, URI.create(first.selectFirst("a[rel=next]").attr("href")));
        assertThat(targets(second)).hasSize(AuditPages.PAGE).first().isEqualTo("p54-" + tag);
        assertThat(second.selectFirst("a[rel=next]").attr("href")).contains("texte=" + tag);
        var third = page(admin, URI.create(second.selectFirst("a[rel=next]").attr("href")));
        assertThat(targets(third)).containsExactly("p4-" + tag, "p3-" + tag, "p2-" + tag, "p1-" + tag, "p0-" + tag);
        assertThat(third.select("a[rel=next]")).isEmpty();
        // and back: the page before the third is the second
        var back = page(admin, URI.create(third.selectFirst("a[rel=prev]").attr("href")));
        assertThat(targets(back)).isEqualTo(targets(second));
        assertThat(third.selectFirst("a[rel=prev]").text()).isNotBlank();
    }

    @Test
    void theExportHoldsWhatTheSearchKeepsAsInertText() throws Exception {
        write(Instant.now(), "USER_ADDED", rose, establishment, "=HYPERLINK(\"http://evil\")" + tag, "détail é");
        write(Instant.now(), "RIGHT_GRANTED", rose, establishment, "other-" + tag, null);

        var response = admin.perform(get(
                        "/organisations/" + establishment.value() + "/journal.csv?texte=" + tag + "&action=USER_ADDED"))
                .andReturn();
        response.getAsyncResult(10_000);
        var done = mvc.perform(asyncDispatch(response)).andReturn().getResponse();
        assertThat(done.getStatus()).isEqualTo(200);
        assertThat(done.getContentType()).startsWith("text/csv");
        var bytes = done.getContentAsByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        var csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(2);
        assertThat(csv)
                .contains("'=HYPERLINK")
                .contains("Rose Lambert" + tag)
                .contains(roseEmail)
                .contains("détail é");
        assertThat(csv).doesNotContain("other-" + tag);
    }

    @Test
    void anAdministratorReadsHisTreeOnlyAndTheAgencyReadsEveryEstablishment() throws Exception {
        write(Instant.now(), "USER_ADDED", null, establishment, "ici-" + tag, null);
        write(Instant.now(), "USER_ADDED", null, other, "la-" + tag, null);

        var base = "/organisations/" + establishment.value() + "/journal";
        for (var path : List.of(base, base + ".csv")) {
            assertThat(status(otherAdmin, path)).as(path).isEqualTo(404);
            assertThat(status(member, path)).as(path).isEqualTo(404);
            assertThat(status(agent, path)).as(path).isEqualTo(404);
        }
        for (var path : List.of("/agence/journal", "/agence/journal.csv")) {
            assertThat(status(admin, path)).as(path).isEqualTo(403);
            assertThat(status(member, path)).as(path).isEqualTo(403);
        }
        assertThat(targets(page(agent, "/agence/journal?texte=" + tag)))
                .containsExactlyInAnyOrder("ici-" + tag, "la-" + tag);
        assertThat(targets(page(agent, "/agence/journal?texte=" + tag + "&etablissement=Autre " + tag)))
                .containsExactly("la-" + tag);
        var home = page(agent, "/agence/journal");
        assertThat(home.select("nav a[href=/agence/journal]")).isNotEmpty();
    }

    private void write(
            Instant at, String action, AccountId actor, OrganizationId organization, String target, String details) {
        trail.save(new AuditEntry(
                at, action, actor == null ? null : actor.value(), organization.value(), target, "192.0.2.9", details));
    }

    private Document page(Visitor visitor, String path) throws Exception {
        return page(path, visitor.perform(get(path)).andReturn().getResponse());
    }

    /** A link as the page wrote it, already encoded. */
    private Document page(Visitor visitor, URI link) throws Exception {
        return page(link.toString(), visitor.perform(get(link)).andReturn().getResponse());
    }

    private static Document page(String path, MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private int status(Visitor visitor, String path) throws Exception {
        return visitor.perform(get(path)).andReturn().getResponse().getStatus();
    }

    private static List<String> targets(Document page) {
        var found = new ArrayList<String>();
        for (var row : page.select("[data-testid=journal] tbody tr")) {
            found.add(row.select("td").get(3).text());
        }
        return found;
    }
}
