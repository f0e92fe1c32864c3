package fr.guichet.shared;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/** Text as people type it when they leave accents out: "Hélène Lefèvre" → "Helene Lefevre". */
public final class Accents {

    private Accents() {}

    public static @Nullable String removed(@Nullable String text) {
        return text == null
                ? null
                : Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
