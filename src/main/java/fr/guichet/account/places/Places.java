package fr.guichet.account.places;

import fr.guichet.account.AccountId;
import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The places module's API: the places there are, how they read, a person's chosen places, and who
 * is concerned by places an announcement targets.
 */
@Service
public class Places {

    private final Geography geography = Geography.FRANCE;
    private final PlacePreferences preferences;
    private final ConcernedPeople concerned;

    Places(PlacePreferences preferences, ConcernedPeople concerned) {
        this.preferences = preferences;
        this.concerned = concerned;
    }

    /** A région and its départements, as forms list them. */
    public record RegionWithDepartements(Place region, List<Place> departements) {}

    /** The place of a code such as {@code R-44}, {@code D-2A}, {@code C-DE}; see {@link Place#parse}. */
    public Place parse(@Nullable String code) {
        return Place.parse(code);
    }

    /** The 18 régions (13 of metropolitan France, 5 overseas) by name, each with its départements by code. */
    public List<RegionWithDepartements> allRegions() {
        return geography.regions().stream()
                .map(r -> new RegionWithDepartements(r, geography.departementsOf(r)))
                .toList();
    }

    /** The 101 départements, by région as {@link #allRegions()} orders them. */
    public List<Place> allDepartements() {
        return geography.departements();
    }

    /** Every other country (ISO 3166-1), by its name in the reader's language. */
    public List<Place> allCountries(Locale locale) {
        return geography.countries(locale);
    }

    /** The département of a French postal code: {@code 67000} is Bas-Rhin, {@code 20090} Corse-du-Sud. */
    public Optional<Place> departementOfPostalCode(@Nullable String postalCode) {
        return PostalCodes.departementOf(postalCode, geography);
    }

    /**
     * The places as the seed shows them, comma-separated: régions by name, then départements by
     * code (« (67) Bas-Rhin, (68) Haut-Rhin »), then countries by their name in the reader's language;
     * empty when there are none.
     */
    public String summary(Collection<Place> places, Locale locale) {
        var collator = Collator.getInstance(locale);
        return places.stream()
                .distinct()
                .sorted(Comparator.comparing(Place::kind)
                        .thenComparing(
                                (Place p) -> p.kind() == Place.Kind.DEPARTEMENT ? p.officialCode() : p.name(locale),
                                collator))
                .map(p -> p.label(locale))
                .collect(Collectors.joining(", "));
    }

    /** The places the person chose, in the shortest form (a région whose départements he all chose). */
    public Set<Place> chosenBy(AccountId person) {
        return preferences.of(person).places();
    }

    /**
     * The active accounts concerned by these places, each once: those who chose one of them, a place
     * inside one (a département of a targeted région) or a place containing one (the région of a
     * targeted département); and the confirmed members of the organisations whose postal code lies
     * in a targeted département or in a département of a targeted région. A targeted country reaches
     * only those who chose it. Two queries by set, whatever the number of accounts.
     */
    public Set<AccountId> peopleConcernedBy(Collection<Place> targets) {
        return concerned.by(targets);
    }
}
