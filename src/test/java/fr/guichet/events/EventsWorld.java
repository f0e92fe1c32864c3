package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.news.Criterion;
import fr.guichet.news.Target;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An establishment E with its super admin and members, another establishment O with its own, an agent
 * of the agency; and events published for them, their sessions a week ahead in Paris time.
 */
final class EventsWorld {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final Accounts accounts;
    final Events events;
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    OrganizationId e;
    OrganizationId o;
    String superAdmin;
    String otherSuperAdmin;
    String agent;
    AccountId agentId;
    final List<String> members = new ArrayList<>();
    String outsider;
    private String domain;

    EventsWorld(Accounts accounts, Events events) {
        this.accounts = accounts;
        this.events = events;
    }

    EventsWorld build(Organizations organizations, Delegation delegation, int members) {
        var domain = People.uniqueDomain();
        e = organizations.createEstablishment("Université " + suffix, "U" + suffix, Set.of(domain));
        var otherDomain = People.uniqueDomain();
        o = organizations.createEstablishment("Autre " + suffix, "A" + suffix, Set.of(otherDomain));
        superAdmin = person(domain, e, "Admin");
        delegation.nameFirstSuperAdmin(e, id(superAdmin));
        otherSuperAdmin = person(otherDomain, o, "Autre");
        delegation.nameFirstSuperAdmin(o, id(otherSuperAdmin));
        this.domain = domain;
        more(members);
        outsider = person(otherDomain, o, "Dehors");
        agent = person(otherDomain, o, "Agent");
        agentId = id(agent);
        accounts.makeAgent(agentId);
        return this;
    }

    /** More members of E (each account costs a password hash: only the test that needs a crowd makes one). */
    void more(int count) {
        var first = members.size();
        for (var i = first; i < first + count; i++) {
            members.add(person(domain, e, "Membre" + i));
        }
    }

    String person(String domain, OrganizationId organization, String lastName) {
        var email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, lastName, "Marie", organization, false, People.GOOD_PASSWORD);
        return email;
    }

    AccountId id(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    String member(int i) {
        return members.get(i);
    }

    /** A session {@code days} ahead, 9:30 to 17:00 in Paris. */
    static EventDraft.SessionDraft session(Instant now, int days, int capacity) {
        var day = LocalDate.ofInstant(now, PARIS).plusDays(days);
        return new EventDraft.SessionDraft(
                null,
                day.atTime(LocalTime.of(9, 30)).atZone(PARIS).toInstant(),
                day.atTime(LocalTime.of(17, 0)).atZone(PARIS).toInstant(),
                "Salle Condorcet " + days,
                "12 rue de l’Université, 67000 Strasbourg",
                null,
                capacity,
                false);
    }

    EventDraft draft(
            String title, Target audience, boolean approval, boolean shows, EventDraft.SessionDraft... sessions) {
        var now = events.now();
        return new EventDraft(
                title + " " + suffix,
                "Une **formation** pour bien commencer.",
                EventKind.TRAINING,
                null,
                Set.of(),
                audience,
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(3)),
                approval,
                shows,
                List.of(sessions));
    }

    /** An event for everyone, open now, closing in three days; one session a week ahead. */
    long publish(String title, int capacity) {
        return events.publish(
                agentId,
                draft(title, new Target(true, Map.of()), false, false, session(events.now(), 7, capacity)),
                false);
    }

    Target forE() {
        return new Target(false, Map.of(Criterion.ESTABLISHMENT, Set.of(Long.toString(e.value()))));
    }

    long firstSession(long event) {
        return events.find(event).orElseThrow().sessions().get(0).id();
    }
}
