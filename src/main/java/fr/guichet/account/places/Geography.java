package fr.guichet.account.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every place there is, read once: the régions and départements of the data file (origin and
 * refresh in docs/places.md) and the JDK's ISO countries but France.
 */
final class Geography {

    /**
     * The five overseas départements have ISO codes of their own (GP, MQ, GF, RE, YT); they are
     * chosen as départements, not as other countries.
     */
    private static final Set<String> NOT_OTHER_COUNTRIES = Set.of("FR", "GP", "MQ", "GF", "RE", "YT");

    // after the constants its loading reads
    static final Geography FRANCE = load("/places/regions-departements.csv");

    private final Map<String, Place> byCode;
    private final List<Place> regions;
    private final Map<Place, List<Place>> departementsByRegion;

    private Geography(List<Place> regions, List<Place> departements) {
        var collator = Collator.getInstance(Locale.FRENCH);
        this.regions = regions.stream()
                .sorted(Comparator.comparing(r -> r.name(Locale.FRENCH), collator))
                .toList();
        this.departementsByRegion = new LinkedHashMap<>();
        this.regions.forEach(r -> departementsByRegion.put(
                r,
                departements.stream()
                        .filter(d -> r.equals(d.region().orElse(null)))
                        .sorted(Comparator.comparing(Place::officialCode))
                        .toList()));
        this.byCode = new LinkedHashMap<>();
        regions.forEach(r -> byCode.put(r.code(), r));
        departements.forEach(d -> byCode.put(d.code(), d));
        Arrays.stream(Locale.getISOCountries())
                .filter(c -> !NOT_OTHER_COUNTRIES.contains(c))
                .forEach(c -> byCode.put("C-" + c, new Place(Place.Kind.COUNTRY, c, c, null)));
    }

    static Geography load(String resource) {
        var stream = Geography.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException(resource + " is missing");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            var rows = reader.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(";", -1))
                    .toList();
            var regions = new LinkedHashMap<String, Place>();
            rows.stream()
                    .filter(r -> r[0].equals("R"))
                    .forEach(r -> regions.put(r[1], new Place(Place.Kind.REGION, r[1], r[2], null)));
            var departements = new ArrayList<Place>();
            rows.stream()
                    .filter(r -> r[0].equals("D"))
                    .forEach(r -> departements.add(new Place(
                            Place.Kind.DEPARTEMENT,
                            r[1],
                            r[2],
                            Objects.requireNonNull(regions.get(r[3]), () -> "no région " + r[3] + " for " + r[1]))));
            return new Geography(List.copyOf(regions.values()), departements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Place> find(@Nullable String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** By their French names. */
    List<Place> regions() {
        return regions;
    }

    /** By their codes. */
    List<Place> departementsOf(Place region) {
        return departementsByRegion.getOrDefault(region, List.of());
    }

    List<Place> departements() {
        return departementsByRegion.values().stream().flatMap(List::stream).toList();
    }

    /** By their names in the reader's language. */
    List<Place> countries(Locale locale) {
        var collator = Collator.getInstance(locale);
        return byCode.values().stream()
                .filter(p -> p.kind() == Place.Kind.COUNTRY)
                .sorted(Comparator.comparing(p -> p.name(locale), collator))
                .toList();
    }

    /** The places that are, or are inside, or contain one of these: whoever chose one is concerned. */
    Set<Place> around(Iterable<Place> targets) {
        var around = new LinkedHashSet<Place>();
        for (var target : targets) {
            around.add(target);
            target.region().ifPresent(around::add);
            if (target.kind() == Place.Kind.REGION) {
                around.addAll(departementsOf(target));
            }
        }
        return around;
    }

    /** The départements of these places: themselves, or a région's. */
    Set<Place> departementsIn(Iterable<Place> places) {
        var departements = new LinkedHashSet<Place>();
        for (var place : places) {
            if (place.kind() == Place.Kind.DEPARTEMENT) {
                departements.add(place);
            } else if (place.kind() == Place.Kind.REGION) {
                departements.addAll(departementsOf(place));
            }
        }
        return departements;
    }
}
