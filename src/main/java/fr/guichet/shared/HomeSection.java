package fr.guichet.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * A part of a signed-in person's home page that another module owns (the agency's news…): the
 * page that shows it does not need to know the module. The template holds a fragment
 * {@code section(content)}.
 */
public interface HomeSection {

    /** The template holding the fragment, e.g. {@code "news/home"}. */
    String template();

    /** What the fragment shows to this person; empty shows nothing. */
    Optional<Object> content(long accountId, Locale locale);

    /** Sections are shown in this order, lowest first. */
    default int order() {
        return 0;
    }
}
