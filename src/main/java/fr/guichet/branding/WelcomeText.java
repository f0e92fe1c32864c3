package fr.guichet.branding;

import java.text.BreakIterator;
import java.text.Normalizer;

/**
 * The welcome text's rules: plain text (shown escaped, its line breaks kept) of at most 300
 * characters as a person counts them: "é" is one whether typed as one code point or as e and an
 * accent, a line break is one (browsers send two), an emoji outside the basic plane one.
 */
final class WelcomeText {

    static final int MAX_LENGTH = 300;
    static final int MAX_TITLE = 100;

    private WelcomeText() {}

    /** The text as kept: composed (NFC), line breaks as "\n", blank as none. */
    static String normalized(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC)
                .strip();
    }

    /** Characters as a person sees them (grapheme clusters, as far as the runtime knows them). */
    static int length(String text) {
        var characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int count = 0;
        while (characters.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    static String checked(String text) {
        var kept = normalized(text);
        var length = length(kept);
        if (length > MAX_LENGTH) {
            throw new BrandingRefusal("branding.welcome.too-long", MAX_LENGTH, String.valueOf(length));
        }
        return kept;
    }

    static String checkedTitle(String title) {
        var kept = normalized(title).replace('\n', ' ');
        if (length(kept) > MAX_TITLE) {
            throw new BrandingRefusal("branding.welcome.title-too-long", MAX_TITLE);
        }
        return kept;
    }
}
