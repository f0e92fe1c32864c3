package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participants of a session as anyone is shown them, organisers included: the professional details
 * (function, e-mail address, establishment) only of those who consented to their being given to the
 * participants of the agency's events, as their account says at the moment the list is read; the
 * others by their name alone.
 */
@Component
class Participants {

    private final Registrations registrations;
    private final Accounts accounts;
    private final Organizations organizations;
    private final EventAccess access;

    Participants(Registrations registrations, Accounts accounts, Organizations organizations, EventAccess access) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.organizations = organizations;
        this.access = access;
    }

    /** One participant; the details are null for whoever did not consent. */
    record Participant(
            String name,
            boolean consented,
            @Nullable String jobTitle,
            @Nullable String email,
            @Nullable String establishment,
            @Nullable Attendance attendance) {}

    /** Organisers always; a member where the event shows the list and he holds a place in this session. */
    boolean mayList(AccountId person, EventView event, long sessionId) {
        if (access.agent(person)) {
            return true;
        }
        return event.showsParticipants()
                && registrations.ofSession(sessionId, Set.of(RegistrationStatus.CONFIRMED)).stream()
                        .anyMatch(r -> r.accountId() == person.value());
    }

    @Transactional(readOnly = true)
    List<Participant> of(long sessionId) {
        var confirmed = registrations.ofSession(sessionId, Set.of(RegistrationStatus.CONFIRMED));
        var ids = confirmed.stream().map(r -> new AccountId(r.accountId())).toList();
        var people = accounts.find(ids).stream().collect(Collectors.toMap(p -> p.id().value(), p -> p));
        var consented = accounts.sharingWithParticipants(ids);
        var establishmentIds = confirmed.stream()
                .map(RegistrationView::establishmentId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .map(OrganizationId::new)
                .toList();
        var names = organizations.findAll(establishmentIds).stream()
                .collect(Collectors.toMap(o -> o.id().value(), o -> o.name()));
        return confirmed.stream()
                .filter(r -> people.containsKey(r.accountId()))
                .map(r -> {
                    var person = people.get(r.accountId());
                    var shares = consented.contains(person.id());
                    return new Participant(
                            person.lastName().toUpperCase(java.util.Locale.ROOT) + " " + person.firstName(),
                            shares,
                            shares ? person.jobTitle() : null,
                            shares ? person.email() : null,
                            shares && r.establishmentId() != null ? names.get(r.establishmentId()) : null,
                            r.attendance());
                })
                .sorted(Comparator.comparing(Participant::name))
                .toList();
    }
}
