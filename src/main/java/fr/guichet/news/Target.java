package fr.guichet.news;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whom an announcement is aimed at: everyone, or people who match every sort of criterion given
 * (a value of any of a sort's values): "Sifac's correspondents in Grand Est" is the product's
 * correspondents who are also concerned by the région.
 */
public record Target(boolean everyone, Map<Criterion, Set<String>> criteria) {

    public Target {
        var copy = new EnumMap<Criterion, Set<String>>(Criterion.class);
        // what a client sends as JSON may hold nulls: none of them names anyone
        (criteria == null ? Map.<Criterion, Set<String>>of() : criteria).forEach((criterion, values) -> {
            var kept = values == null
                    ? new TreeSet<String>()
                    : values.stream()
                            .filter(v -> v != null && !v.isBlank())
                            .map(String::strip)
                            .collect(Collectors.toCollection(TreeSet::new));
            if (criterion != null && !kept.isEmpty()) {
                copy.put(criterion, Set.copyOf(kept));
            }
        });
        criteria = Map.copyOf(copy);
        if (everyone && !criteria.isEmpty()) {
            throw new AnnouncementRefusal("news.refused.everyone-and-criteria");
        }
        if (!everyone && criteria.isEmpty()) {
            throw new AnnouncementRefusal("news.refused.no-target");
        }
    }

    public static Target toEveryone() {
        return new Target(true, Map.of());
    }

    public Set<String> values(Criterion criterion) {
        return criteria.getOrDefault(criterion, Set.of());
    }
}
