package fr.guichet.changes;

import fr.guichet.shared.CleanText;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** What a form's field may hold, checked where the request is built: blank means none. */
final class Inputs {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 .()-]{4,30}$");
    private static final Pattern WEBSITE = Pattern.compile("^https?://[^\\s/$.?#][^\\s]*$", Pattern.CASE_INSENSITIVE);

    private Inputs() {}

    /** A field's label as a refusal's argument: the message source reads it in the reader's language. */
    static MessageSourceResolvable label(String field) {
        return new DefaultMessageSourceResolvable(field);
    }

    static @Nullable String text(@Nullable String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var stripped = Objects.requireNonNull(CleanText.line(value)).strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.length() > max) {
            throw new InvalidChange("changes.field.too-long", label(field), max);
        }
        return stripped;
    }

    static String required(@Nullable String value, int max, String field) {
        var text = text(value, max, field);
        if (text == null) {
            throw new InvalidChange("changes.field.required", label(field));
        }
        return text;
    }

    static @Nullable String email(@Nullable String value, String field) {
        var text = text(value, 254, field);
        if (text != null && !EMAIL.matcher(text).matches()) {
            throw new InvalidChange("changes.field.email", label(field));
        }
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    static @Nullable String phone(@Nullable String value, String field) {
        var text = text(value, 30, field);
        if (text != null && !PHONE.matcher(text).matches()) {
            throw new InvalidChange("changes.field.phone", label(field));
        }
        return text;
    }

    static @Nullable String website(@Nullable String value, String field) {
        var text = text(value, 255, field);
        if (text != null && !WEBSITE.matcher(text).matches()) {
            throw new InvalidChange("changes.field.website", label(field));
        }
        return text;
    }
}
