package fr.guichet.events;

import static fr.guichet.events.EventsTest.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.Organizations;
import fr.guichet.support.AccessibleNames;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * An agent registers a list for a session from a CSV file: each line says what became of it (a
 * place, the waiting list, already registered, refused and why) once the background run reaches it;
 * the places keep to the session's capacity; the same file sent again registers nobody twice; a file
 * that cannot be read is refused before anything is saved; only agents may.
 */
@IntegrationTest
class EventsImportTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    Events events;

    @Autowired
    JdbcClient jdbc;

    EventsWorld world;
    Visitor agent;

    @BeforeEach
    void world() throws Exception {
        world = new EventsWorld(accounts, events).build(organizations, delegation, 3);
        agent = Visitor.signedIn(mvc, world.agent);
    }

    @Test
    void aListIsRegisteredLineByLineWithItsReportAndTheSameFileAgainRegistersNobodyTwice() throws Exception {
        var id = world.publish("Journée des usagers", 1);
        var session = world.firstSession(id);
        // the third member has left his only establishment: his account is disabled
        accounts.leave(world.id(world.member(2)), world.e, world.agentId, "-");
        var unknown = "personne-" + world.suffix + "@inconnu.test";
        var file = "\uFEFFEmail;Note\n"
                + world.member(0) + ";Arrivera à 10 h\n"
                + unknown + ";\n"
                + world.member(0) + ";\n"
                + world.member(2) + ";\n"
                + ";Sans adresse\n"
                + world.member(1) + ";\n";

        var eventPage = page(agent.perform(get("/agence/evenements/{id}", id)));
        var link = eventPage.select("a[href$=/import]").attr("href");
        assertThat(eventPage.select("a[href$=/import]").text()).isEqualTo("Inscrire une liste (CSV)");
        var form = page(agent.perform(get(link)));
        assertThat(form.select("label[for=session]").text()).isEqualTo("Session");
        assertThat(form.select("#session option").attr("value")).isEqualTo(Long.toString(session));
        assertThat(form.select("label[for=file]").text()).isEqualTo("Fichier CSV (séparateur point-virgule)");
        assertThat(form.select("main").text()).contains("email;note");
        assertThat(form.select("form[enctype=multipart/form-data] button[type=submit]")
                        .text())
                .isEqualTo("Inscrire les personnes de la liste");
        assertThat(AccessibleNames.problems(form)).isEmpty();

        var report = run(id, session, file);
        assertThat(report.select("[data-testid=import-done]").text())
                .isEqualTo("Terminé : 1 place(s) confirmée(s), 1 sur liste d’attente, 1 déjà inscrit(s), 3 refusé(s).");
        assertThat(lines(report))
                .containsExactly(
                        List.of("2", world.member(0), "place confirmée", ""),
                        List.of("3", unknown, "refusé", "Aucun compte ne porte cette adresse électronique."),
                        List.of("4", world.member(0), "déjà inscrit", ""),
                        List.of("5", world.member(2), "refusé", "Ce compte n’est pas actif : il ne peut être inscrit."),
                        List.of("6", "", "refusé", "Aucune adresse électronique sur cette ligne."),
                        List.of("7", world.member(1), "liste d’attente", ""));
        var bar = report.selectFirst("[role=progressbar]");
        assertThat(bar).isNotNull();
        assertThat(List.of(bar.attr("aria-valuemin"), bar.attr("aria-valuenow"), bar.attr("aria-valuemax")))
                .containsExactly("0", "6", "6");
        assertThat(bar.attr("aria-valuetext")).isEqualTo("Lignes traitées : 6 sur 6");
        // over: the page stops asking for its progress
        assertThat(report.select("[data-testid=import-progress]").attr("hx-get"))
                .isEmpty();
        assertThat(report.select("a:containsOwn(Retour à l’événement)").attr("href"))
                .isEqualTo("/agence/evenements/" + id);

        // one place for one, the waiting list for the next, the note kept, registered by the agent
        assertThat(registrations(session))
                .containsExactly(
                        world.member(0) + " CONFIRMED Arrivera à 10 h " + world.agent,
                        world.member(1) + " WAITING null " + world.agent);
        var convocation = Mails.awaitFirst(greenMail, world.member(0));
        assertThat(convocation.getSubject()).isEqualTo("Guichet : votre place est confirmée");

        // the same file again: nobody registered twice, nobody written to again
        var again = run(id, session, file);
        assertThat(lines(again))
                .extracting(l -> l.get(0) + " " + l.get(2))
                .containsExactly(
                        "2 déjà inscrit", "3 refusé", "4 déjà inscrit", "5 refusé", "6 refusé", "7 déjà inscrit");
        assertThat(again.select("[data-testid=import-done]").text())
                .isEqualTo("Terminé : 0 place(s) confirmée(s), 0 sur liste d’attente, 3 déjà inscrit(s), 3 refusé(s).");
        assertThat(registrations(session))
                .containsExactly(
                        world.member(0) + " CONFIRMED Arrivera à 10 h " + world.agent,
                        world.member(1) + " WAITING null " + world.agent);
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :to")
                        .param("to", world.member(0))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWithTheFormAgainAndNothingSaved() throws Exception {
        var id = world.publish("Sans en-tête", 5);
        var session = world.firstSession(id);

        var withoutHeader = page(agent.perform(upload(id, session, "adresse;note\n" + world.member(0) + ";\n")));
        assertThat(withoutHeader.select("[data-testid=error]").text())
                .isEqualTo(
                        "La première ligne du fichier doit nommer les colonnes, dont une colonne « email » : email;note");
        assertThat(withoutHeader.select("#session option[selected]").attr("value"))
                .isEqualTo(Long.toString(session));
        assertThat(withoutHeader.select("input[type=file]")).hasSize(1);

        var unclosedQuote = page(agent.perform(upload(id, session, "email;note\n\"" + world.member(0) + ";\n")));
        assertThat(unclosedQuote.select("[data-testid=error]").text())
                .isEqualTo("Ce fichier n’est pas un CSV lisible (guillemets mal fermés ?).");

        assertThat(jdbc.sql("select count(*) from event_import where event_id = :e")
                        .param("e", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(registrations(session)).isEmpty();
    }

    @Test
    void onlyAgentsRegisterAListAndAnImportIsReadOnlyUnderItsOwnEvent() throws Exception {
        var id = world.publish("Réservé", 5);
        var session = world.firstSession(id);
        var member = Visitor.signedIn(mvc, world.member(0));
        assertThat(member.perform(get("/agence/evenements/{id}/import", id))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(member.perform(upload(id, session, "email\n" + world.member(0) + "\n"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(registrations(session)).isEmpty();
        assertThat(agent.perform(get("/agence/evenements/{id}/import", 999_999_999L))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        var started = agent.perform(upload(id, session, "email\n" + world.member(1) + "\n"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(started).startsWith("/agence/evenements/" + id + "/import/");
        var importId = started.substring(started.lastIndexOf('/') + 1);
        var other = world.publish("Autre", 5);
        assertThat(agent.perform(get("/agence/evenements/{id}/import/{i}", other, importId))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(member.perform(get(started)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !page(agent.perform(get(started)))
                        .select("[data-testid=import-done]")
                        .isEmpty());
    }

    @Test
    void whileARunGoesOnItsProgressIsAskedForEverySecond() throws Exception {
        var id = world.publish("En cours", 5);
        var session = world.firstSession(id);
        // a run the background has not reached the end of: three lines, one done
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into event_import (event_id, session_id, started_by, started_at, total, done)
                        values (:e, :s, :by, :at, 3, 1)""")
                .param("e", id)
                .param("s", session)
                .param("by", world.agentId.value())
                .param("at", Timestamp.from(events.now()))
                .update(key, "id");
        var run = key.getKey().longValue();
        var path = "/agence/evenements/" + id + "/import/" + run;

        var progress = page(agent.perform(get(path)));
        var polled = progress.selectFirst("[data-testid=import-progress]");
        assertThat(polled).isNotNull();
        assertThat(List.of(polled.attr("hx-get"), polled.attr("hx-trigger"), polled.attr("hx-swap")))
                .containsExactly(path, "every 1s", "outerHTML");
        assertThat(progress.select("[role=progressbar]").attr("aria-valuenow")).isEqualTo("1");
        assertThat(progress.select("[data-testid=import-progress] a").attr("href"))
                .as("without script, a link does the same")
                .isEqualTo(path);
        assertThat(progress.select("[data-testid=import-done]")).isEmpty();

        // htmx asks for the fragment alone, which it puts in place of the old one
        var fragment = page(agent.perform(get(path).header("HX-Request", "true")));
        assertThat(fragment.select("h1")).isEmpty();
        assertThat(fragment.select("[data-testid=import-progress] [role=progressbar]"))
                .hasSize(1);
    }

    /** Sends the list, follows to its progress page and waits for the run to be over. */
    private Document run(long event, long session, String csv) throws Exception {
        var location = agent.perform(upload(event, session, csv))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/agence/evenements/" + event + "/import/");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !page(agent.perform(get(location)))
                        .select("[data-testid=import-done]")
                        .isEmpty());
        return page(agent.perform(get(location)));
    }

    private static MockMultipartHttpServletRequestBuilder upload(long event, long session, String csv) {
        var request = multipart("/agence/evenements/{id}/import", event)
                .file(new MockMultipartFile("file", "liste.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        request.param("session", Long.toString(session)).with(csrf());
        return request;
    }

    private static List<List<String>> lines(Document report) {
        return report.select("[data-testid=import-line]").stream()
                .map(row -> row.select("td").stream().map(Element::text).toList())
                .toList();
    }

    private List<String> registrations(long session) {
        return jdbc.sql("""
                        select a.email, r.status, r.note, b.email from event_registration r
                            join account a on a.id = r.account_id join account b on b.id = r.registered_by
                        where r.session_id = :s order by r.id""")
                .param("s", session)
                .query((rs, n) ->
                        rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
                .list();
    }
}
