package fr.guichet.helpdesk.reference;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Optional fields of the filing form that a category may make required, since what the agency
 * needs to start depends on what is asked. Stored as a comma-separated list in {@code category.required_fields}.
 */
public enum RequiredField {
    INTERNAL_REFERENCE,
    MESSAGE_CODE,
    DOMAIN,
    ATTACHMENT;

    static Set<RequiredField> parse(String stored) {
        var fields = EnumSet.noneOf(RequiredField.class);
        if (stored != null) {
            for (var part : stored.split(",")) {
                if (!part.isBlank()) {
                    fields.add(valueOf(part.strip()));
                }
            }
        }
        return fields;
    }

    static String format(Set<RequiredField> fields) {
        // a value that is no field (a tampered form) binds as null: left out
        var chosen = fields == null
                ? List.<RequiredField>of()
                : fields.stream().filter(Objects::nonNull).sorted().toList();
        return chosen.isEmpty() ? null : chosen.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
