package fr.guichet.shared;

import org.jspecify.annotations.Nullable;

/**
 * Text as it is kept: without the characters nobody means to type. NUL and the other control
 * characters break a PostgreSQL text column or a header; bidirectional and other invisible format
 * characters (U+202E RIGHT-TO-LEFT OVERRIDE, U+200E/F, U+2066–2069…) make "gpj.exe" show as
 * "exe.jpg" or hide words from a reader. Every request's text goes through {@link #text} when it
 * binds ({@code CleanTextBinding}); names that end up in a header or a file name through {@link #line}.
 */
public final class CleanText {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private CleanText() {}

    /** Free text, one line or several: tabs and line breaks stay. */
    public static @Nullable String text(@Nullable String text) {
        return cleaned(text, true);
    }

    /** A name on one line (a file name): no control character at all. */
    public static @Nullable String line(@Nullable String text) {
        return cleaned(text, false);
    }

    private static @Nullable String cleaned(@Nullable String text, boolean lines) {
        if (text == null || text.codePoints().allMatch(c -> kept(c, lines))) {
            return text;
        }
        var kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> kept(c, lines)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean kept(int c, boolean lines) {
        return switch (Character.getType(c)) {
            case Character.CONTROL -> lines && (c == '\t' || c == '\n' || c == '\r');
            // the joiners shape emoji sequences and Persian or Indic words; they cannot reorder text
            case Character.FORMAT -> c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER;
            // half of a pair: not text, and written as '?' by the database driver
            case Character.SURROGATE -> false;
            default -> true;
        };
    }
}
