package fr.guichet.account.settings;

import fr.guichet.account.AccountId;
import fr.guichet.account.events.PersonalDataExported;
import fr.guichet.account.places.Place;
import fr.guichet.account.places.Places;
import fr.guichet.account.security.ApiTokens;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything the portal holds about a person, for him to download (RGPD, right of access). */
@Service
class PersonalData {

    private final AccountSettings settings;
    private final ApiTokens tokens;
    private final Organizations organizations;
    private final Places places;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonalData(
            AccountSettings settings,
            ApiTokens tokens,
            Organizations organizations,
            Places places,
            ApplicationEventPublisher events,
            Clock clock) {
        this.places = places;
        this.settings = settings;
        this.tokens = tokens;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Map<String, Object> export(AccountId id, String sourceAddress) {
        var account = settings.get(id);
        var c = account.coordinates();
        var data = new LinkedHashMap<String, Object>();
        data.put("email", account.email().value());
        data.put("civility", c.civility());
        data.put("lastName", c.lastName());
        data.put("firstName", c.firstName());
        data.put("landline", c.landline());
        data.put("mobile", c.mobile());
        data.put("fax", c.fax());
        data.put("jobTitle", c.jobTitle());
        data.put("professionalDomain", c.professionalDomain());
        data.put("placeOfAttachment", c.placeOfAttachment());
        data.put("interestDomains", account.interestDomains());
        data.put(
                "places",
                places.chosenBy(id).stream()
                        .sorted(Comparator.comparing(Place::code))
                        .map(p -> Map.of("code", p.code(), "label", p.label(account.locale())))
                        .toList());
        data.put("newsletter", account.newsletter());
        data.put(
                "consent",
                account.consentVersion() == null
                        ? null
                        : Map.of(
                                "textVersion",
                                account.consentVersion(),
                                "givenAt",
                                account.consentAt().toString()));
        data.put("preferredLanguage", account.locale().getLanguage());
        data.put("status", account.status());
        data.put("createdAt", account.createdAt().toString());
        data.put(
                "activatedAt",
                account.activatedAt() == null ? null : account.activatedAt().toString());
        data.put(
                "lastSignInAt",
                account.lastSignInAt() == null ? null : account.lastSignInAt().toString());
        var names = organizations.findAll(account.memberships().stream()
                .map(m -> new OrganizationId(m.organizationId()))
                .toList());
        data.put(
                "memberships",
                account.memberships().stream()
                        .map(m -> Map.of(
                                "organization",
                                        names.stream()
                                                .filter(o -> o.id().value() == m.organizationId())
                                                .findFirst()
                                                .map(o -> o.label())
                                                .orElse("?"),
                                "status", m.status().name(),
                                "since", m.createdAt().toString()))
                        .toList());
        data.put(
                "apiTokens",
                tokens.of(id).stream()
                        .map(t -> {
                            var token = new LinkedHashMap<String, Object>();
                            token.put("name", t.name());
                            token.put("createdAt", t.createdAt().toString());
                            token.put(
                                    "lastUsedAt",
                                    t.lastUsedAt() == null
                                            ? null
                                            : t.lastUsedAt().toString());
                            token.put(
                                    "revokedAt",
                                    t.revokedAt() == null ? null : t.revokedAt().toString());
                            return token;
                        })
                        .toList());
        events.publishEvent(new PersonalDataExported(id, account.email().value(), sourceAddress, clock.instant()));
        return data;
    }
}
