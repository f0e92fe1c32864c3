package fr.guichet.account;

import fr.guichet.shared.CleanText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A sign-in e-mail address, kept lower-cased: uniqueness is case-insensitive, and two spellings
 * of one address are one account.
 */
public record EmailAddress(String value) {

    // deliberately simple: one @, a dotted domain, no spaces; the verification link proves the rest
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public EmailAddress {
        value = normalize(value);
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an e-mail address");
        }
    }

    /** Also as typed on the sign-in form, which Spring Security reads without the binder's cleaning. */
    public static String normalize(String raw) {
        return raw == null ? "" : CleanText.line(raw).strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String raw) {
        var normalized = normalize(raw);
        return normalized.length() <= 254 && SHAPE.matcher(normalized).matches();
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
