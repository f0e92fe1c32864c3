package fr.guichet.news;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The agents' form as sent: dates as the browser's date-time fields give them, in the agency's
 * time zone, and the target's criteria as lists of chosen values. Public for the page's expressions.
 */
public record AnnouncementForm(
        @Nullable String title,
        @Nullable String body,
        @Nullable AnnouncementKind kind,
        @Nullable Long product,
        @Nullable String publishAt,
        @Nullable String expiresAt,
        @Nullable String audience,
        @Nullable List<Long> establishments,
        @Nullable List<Long> correspondentProducts,
        @Nullable String correspondentKind,
        @Nullable List<String> domains,
        @Nullable List<String> places,
        @Nullable List<Long> services) {

    static AnnouncementForm empty() {
        return new AnnouncementForm(
                "",
                "",
                AnnouncementKind.NEWS,
                null,
                "",
                "",
                "everyone",
                List.of(),
                List.of(),
                "BOTH",
                List.of(),
                List.of(),
                List.of());
    }

    public boolean toEveryone() {
        return !"targeted".equals(audience);
    }

    AnnouncementDraft draft(ZoneId zone) {
        return new AnnouncementDraft(
                title, body, kind, product, instant(publishAt, zone), instant(expiresAt, zone), target());
    }

    /**
     * The criteria chosen, even with "Tout le monde": the target then refuses them, rather than the
     * announcement going to everyone when the agent chose criteria but left the first choice on.
     */
    Target target() {
        var criteria = new EnumMap<Criterion, Set<String>>(Criterion.class);
        criteria.put(Criterion.ESTABLISHMENT, strings(establishments));
        var kindOfCorrespondent = correspondentKind == null || correspondentKind.isBlank() ? "BOTH" : correspondentKind;
        criteria.put(
                Criterion.CORRESPONDENTS,
                correspondentProducts == null
                        ? Set.of()
                        : correspondentProducts.stream()
                                .map(p -> p + ":" + kindOfCorrespondent)
                                .collect(Collectors.toSet()));
        criteria.put(Criterion.INTEREST_DOMAIN, strings(domains));
        criteria.put(Criterion.PLACE, strings(places));
        criteria.put(Criterion.SERVICE, strings(services));
        return new Target(toEveryone(), Map.copyOf(criteria));
    }

    private static Set<String> strings(@Nullable List<?> values) {
        return values == null
                ? Set.of()
                : values.stream()
                        .filter(v -> v != null && !v.toString().isBlank())
                        .map(Object::toString)
                        .collect(Collectors.toSet());
    }

    private static @Nullable Instant instant(@Nullable String local, ZoneId zone) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
        } catch (DateTimeException malformed) {
            throw new AnnouncementRefusal("news.refused.date");
        }
    }
}
