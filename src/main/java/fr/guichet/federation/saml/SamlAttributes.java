package fr.guichet.federation.saml;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The attributes a research and education federation's providers release, found by their OID names
 * (the federation's rule) or their friendly names (what a test or a simple provider sends).
 */
record SamlAttributes(
        @Nullable String principalName,
        @Nullable String mail,
        @Nullable String givenName,
        @Nullable String surname,
        @Nullable String uai,
        List<String> affiliations) {

    static SamlAttributes of(Map<String, List<String>> attributes) {
        return new SamlAttributes(
                first(attributes, "urn:oid:1.3.6.1.4.1.5923.1.1.1.6", "eduPersonPrincipalName"),
                first(attributes, "urn:oid:0.9.2342.19200300.100.1.3", "mail", "email"),
                first(attributes, "urn:oid:2.5.4.42", "givenName"),
                first(attributes, "urn:oid:2.5.4.4", "sn", "surname"),
                uai(first(attributes, "urn:oid:1.3.6.1.4.1.7135.1.2.1.14", "supannEtablissement")),
                all(attributes, "urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "eduPersonAffiliation"));
    }

    private static @Nullable String first(Map<String, List<String>> attributes, String... names) {
        var values = all(attributes, names);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> all(Map<String, List<String>> attributes, String... names) {
        for (var name : names) {
            var values = attributes.get(name);
            if (values != null && !values.isEmpty()) {
                return values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .toList();
            }
        }
        return List.of();
    }

    /** supannEtablissement reads "{UAI}0751717J": the code is what follows the label. */
    private static @Nullable String uai(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return value.startsWith("{UAI}") ? value.substring("{UAI}".length()) : value;
    }
}
