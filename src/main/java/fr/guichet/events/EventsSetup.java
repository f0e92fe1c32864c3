package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.news.Criterion;
import fr.guichet.news.Target;
import fr.guichet.organization.OrganizationId;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's own setting-up (the demo data): a training open to everyone with a member already
 * registered, and a seminar for one establishment whose registrations its super admin agrees to, one
 * waiting for her.
 */
@Service
public class EventsSetup {

    private final Events events;
    private final Registrations registrations;
    private final ZoneId zone;

    EventsSetup(Events events, Registrations registrations, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
        this.events = events;
        this.registrations = registrations;
        this.zone = zone;
    }

    @Transactional
    public void demo(AccountId agent, OrganizationId establishment, AccountId member) {
        var now = events.now();
        var today = now.atZone(zone).toLocalDate();
        var training = events.publish(
                agent,
                new EventDraft(
                        "Formation Sifac : prise en main",
                        """
                        Deux journées pour prendre en main **Sifac** : la navigation, les engagements, les \
                        services faits et les premières éditions.

                        Apportez vos identifiants de l’environnement de formation.""",
                        EventKind.TRAINING,
                        null,
                        Set.of(),
                        new Target(true, Map.of()),
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(12)),
                        false,
                        false,
                        List.of(
                                new EventDraft.SessionDraft(
                                        null,
                                        today.plusDays(14)
                                                .atTime(LocalTime.of(9, 30))
                                                .atZone(zone)
                                                .toInstant(),
                                        today.plusDays(14)
                                                .atTime(LocalTime.of(17, 0))
                                                .atZone(zone)
                                                .toInstant(),
                                        "Agence, salle Condorcet",
                                        "10 rue des Écoles, 75005 Paris",
                                        null,
                                        12,
                                        false),
                                new EventDraft.SessionDraft(
                                        null,
                                        today.plusDays(21)
                                                .atTime(LocalTime.of(9, 30))
                                                .atZone(zone)
                                                .toInstant(),
                                        today.plusDays(21)
                                                .atTime(LocalTime.of(17, 0))
                                                .atZone(zone)
                                                .toInstant(),
                                        "Agence, salle Condorcet",
                                        "10 rue des Écoles, 75005 Paris",
                                        null,
                                        12,
                                        false))),
                false);
        var first = events.find(training).orElseThrow().sessions().get(0).id();
        registrations.register(member, member, first, null, establishment, false);
        var seminar = events.publish(
                agent,
                new EventDraft(
                        "Séminaire des achats publics",
                        "Une demi-journée en visioconférence sur les nouveautés de la commande publique.",
                        EventKind.SEMINAR,
                        null,
                        Set.of(),
                        new Target(
                                false, Map.of(Criterion.ESTABLISHMENT, Set.of(Long.toString(establishment.value())))),
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(25)),
                        true,
                        true,
                        List.of(new EventDraft.SessionDraft(
                                null,
                                today.plusDays(28)
                                        .atTime(LocalTime.of(14, 0))
                                        .atZone(zone)
                                        .toInstant(),
                                today.plusDays(28)
                                        .atTime(LocalTime.of(17, 0))
                                        .atZone(zone)
                                        .toInstant(),
                                null,
                                null,
                                "https://visio.agence-demo.fr/seminaire-achats",
                                30,
                                false))),
                false);
        registrations.register(
                member,
                member,
                events.find(seminar).orElseThrow().sessions().get(0).id(),
                "Avec mon collègue des marchés.",
                establishment,
                false);
    }
}
