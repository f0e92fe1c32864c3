package fr.guichet.account.places;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The département of a French postal code, and back the beginnings of its postal codes. Most
 * départements are the code's first two digits; Corsica's are 20xxx, 200xx–201xx in Corse-du-Sud
 * (2A) and 202xx–206xx in Haute-Corse (2B); the overseas départements are its first three digits
 * (971–976). Monaco (980xx), the overseas collectivités (975xx, 98xxx) and anything else have none.
 */
final class PostalCodes {

    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");

    private PostalCodes() {}

    static Optional<Place> departementOf(@Nullable String postalCode, Geography geography) {
        var code = postalCode == null ? "" : postalCode.strip();
        if (!FIVE_DIGITS.matcher(code).matches()) {
            return Optional.empty();
        }
        if (code.startsWith("20")) {
            var third = code.charAt(2);
            var corsica = third <= '1' ? "2A" : third <= '6' ? "2B" : null;
            return corsica == null ? Optional.empty() : geography.find("D-" + corsica);
        }
        if (code.startsWith("97")) {
            return geography.find("D-" + code.substring(0, 3));
        }
        return geography.find("D-" + code.substring(0, 2));
    }

    /** The beginnings of the département's postal codes, two or three digits each. */
    static List<String> beginningsOf(Place departement) {
        return switch (departement.officialCode()) {
            case "2A" -> List.of("200", "201");
            case "2B" -> List.of("202", "203", "204", "205", "206");
            default -> List.of(departement.officialCode());
        };
    }
}
