package fr.guichet.account.places;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A place a person may choose or an announcement target: a région or a département of France (by
 * its INSEE code) or another country (by its ISO 3166-1 alpha-2 code). Its {@link #code()} is the
 * kind's letter, a hyphen and the official code: {@code R-44} (Grand Est), {@code D-67} (Bas-Rhin),
 * {@code D-2A}, {@code D-971}, {@code C-DE} (Germany). Only the reference data makes places, so a
 * place always exists: {@link #parse} refuses any other code.
 */
public final class Place {

    /** What a place is; its letter begins the place's code. */
    public enum Kind {
        REGION('R'),
        DEPARTEMENT('D'),
        COUNTRY('C');

        private final char letter;

        Kind(char letter) {
            this.letter = letter;
        }
    }

    private final Kind kind;
    private final String officialCode;
    private final String frenchName;
    private final @Nullable Place region;

    Place(Kind kind, String officialCode, String frenchName, @Nullable Place region) {
        this.kind = kind;
        this.officialCode = officialCode;
        this.frenchName = frenchName;
        this.region = region;
    }

    /**
     * The place of this code ({@code R-44}, {@code D-67}, {@code C-DE}), any case.
     *
     * @throws UnknownPlace when no région, département or country has this code
     */
    public static Place parse(@Nullable String code) {
        return Geography.FRANCE.find(code).orElseThrow(() -> new UnknownPlace(code));
    }

    public Kind kind() {
        return kind;
    }

    /** The code to store and send: {@code D-67}. */
    public String code() {
        return kind.letter + "-" + officialCode;
    }

    /** The INSEE or ISO code: {@code 67}, {@code 44}, {@code DE}. */
    public String officialCode() {
        return officialCode;
    }

    /** Régions and départements keep their French names; a country is named in the reader's language. */
    public String name(Locale locale) {
        return kind == Kind.COUNTRY
                ? new Locale.Builder().setRegion(officialCode).build().getDisplayCountry(locale)
                : frenchName;
    }

    /** As the seed shows it: « (67) Bas-Rhin », « Grand Est », « Allemagne ». */
    public String label(Locale locale) {
        return kind == Kind.DEPARTEMENT ? "(" + officialCode + ") " + frenchName : name(locale);
    }

    /** The région of a département. */
    public Optional<Place> region() {
        return Optional.ofNullable(region);
    }

    /** A place contains itself, and a région its départements. */
    public boolean contains(Place other) {
        return equals(other) || equals(other.region);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Place p && p.kind == kind && p.officialCode.equals(officialCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, officialCode);
    }

    @Override
    public String toString() {
        return code();
    }
}
