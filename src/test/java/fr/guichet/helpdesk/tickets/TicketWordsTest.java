package fr.guichet.helpdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The words of a ticket's page: every state is shown with what it means, never as a bare code; every
 * act that carries a text labels its box by what the text is for; in French and in English.
 */
class TicketWordsTest {

    @Test
    void everyStateOfTheLifecycleHasAMeaningForBothReadersInBothLanguages() throws IOException {
        var states = new LinkedHashSet<TicketState>();
        for (var row : Lifecycle.TABLE) {
            states.addAll(row.from());
            row.anySub().forEach(s -> states.add(TicketState.of(s)));
            if (!row.to().resumes()) {
                states.add(row.to().state());
            }
        }
        assertThat(states).as("the table's states, ARS/AVS among them").hasSizeGreaterThan(25);
        var missing = new ArrayList<String>();
        for (var bundle : List.of("messages.properties", "messages_en.properties")) {
            var messages = load(bundle);
            for (var state : states) {
                for (var requesterSide : List.of(true, false)) {
                    var key = state.meaningKey(requesterSide);
                    if (messages.getProperty(key, "").isBlank()) {
                        missing.add(bundle + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theRequesterSideReadsWhatWaitsForItAsAddressedToIt() throws IOException {
        var french = load("messages.properties");

        assertThat(french.getProperty(TicketState.of(TicketStatus.AVS).meaningKey(true)))
                .isEqualTo("réponse envoyée, en attente de votre validation");
        assertThat(french.getProperty(TicketState.of(TicketStatus.AVS).meaningKey(false)))
                .isEqualTo("réponse envoyée, en attente de la validation du site");
        assertThat(TicketState.of(TicketStatus.ECT).meaningKey(true))
                .as("what does not wait for him reads the same for all")
                .isEqualTo(TicketState.of(TicketStatus.ECT).meaningKey(false));
    }

    @Test
    void everyActThatCarriesATextLabelsItsBoxByWhatItIsForInBothLanguages() throws IOException {
        var missing = new ArrayList<String>();
        var labels = new LinkedHashSet<String>();
        for (var bundle : List.of("messages.properties", "messages_en.properties")) {
            var messages = load(bundle);
            for (var row : Lifecycle.TABLE) {
                if (row.action().requirement() != Action.Requirement.NONE) {
                    var label = messages.getProperty("helpdesk.act.text." + row.action(), "");
                    if (label.isBlank()) {
                        missing.add(bundle + ": " + row.action());
                    } else if (bundle.equals("messages.properties")) {
                        labels.add(label);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(labels).as("no two acts share a label").hasSize(12).doesNotContain("Texte");
    }

    @Test
    void aHandOverIsOfferedOnlyWhenTheAgencyHasAContractor() {
        var handling = TicketState.of(TicketStatus.ECT, SubStatus.INT);

        assertThat(Tickets.offered(handling, false, Set.of(Actor.AGENT), true))
                .extracting(TicketPage.Offered::action)
                .contains(Action.HAND_TO_CONTRACTOR, Action.ASK_SITE);
        assertThat(Tickets.offered(handling, false, Set.of(Actor.AGENT), false))
                .extracting(TicketPage.Offered::action)
                .doesNotContain(Action.HAND_TO_CONTRACTOR)
                .contains(Action.ASK_SITE, Action.SEND_SOLUTION);
    }

    private static Properties load(String bundle) throws IOException {
        var properties = new Properties();
        try (var in = TicketWordsTest.class.getClassLoader().getResourceAsStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
