package fr.guichet.changes;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words a request's data are shown in: "Label : value" pairs, the empty ones left out. */
@Component
class ChangeWords {

    record Field(String key, @Nullable Object value) {}

    private final MessageSource messages;

    ChangeWords(MessageSource messages) {
        this.messages = messages;
    }

    String word(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The fields that have a value, each with its label, in one line. */
    String fields(Locale locale, Field... fields) {
        var line = Stream.of(fields)
                .filter(f -> f.value() != null && !f.value().toString().isBlank())
                .map(f -> word(f.key(), locale) + " : " + Objects.requireNonNull(f.value()))
                .collect(Collectors.joining(" · "));
        return line.isEmpty() ? word("changes.data.empty", locale) : line;
    }

    static Field field(String key, @Nullable Object value) {
        return new Field(key, value);
    }
}
