package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.shared.HomeSection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Événements" on the home page: his next sessions, how many events he may register for, and the way
 * to his registrations, convocations and attendance certificates.
 */
@Component
class EventsHome implements HomeSection {

    private static final int SHOWN = 3;

    private final Events events;
    private final Registrations registrations;
    private final EventAccess access;

    EventsHome(Events events, Registrations registrations, EventAccess access) {
        this.events = events;
        this.registrations = registrations;
        this.access = access;
    }

    /** What the section shows. */
    record Summary(List<Next> next, long open) {}

    /** One of his coming sessions. */
    record Next(long eventId, String title, String when, RegistrationStatus status) {}

    private record Held(EventView event, EventView.@Nullable SessionView session, RegistrationView registration) {}

    @Override
    public String template() {
        return "events/home";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Object> content(long accountId, Locale locale) {
        var person = new AccountId(accountId);
        var now = events.now();
        var current = events.current();
        var byId = new java.util.HashMap<Long, EventView>();
        current.forEach(e -> byId.put(e.id(), e));
        var next = registrations.ofPerson(person).stream()
                .filter(r -> r.status().live() && byId.containsKey(r.eventId()))
                .map(r -> new Held(byId.get(r.eventId()), byId.get(r.eventId()).session(r.sessionId()), r))
                .filter(h -> h.session() != null && h.session().end().isAfter(now))
                .sorted(Comparator.comparing(h -> h.session().start()))
                .limit(SHOWN)
                .map(h -> new Next(
                        h.event().id(),
                        h.event().title(),
                        SessionWording.when(h.session().start(), h.session().end(), events.zone(), locale),
                        h.registration().status()))
                .toList();
        var open = current.stream()
                .filter(e -> e.open(now) && access.sees(person, e))
                .count();
        return Optional.of(new Summary(next, open));
    }
}
