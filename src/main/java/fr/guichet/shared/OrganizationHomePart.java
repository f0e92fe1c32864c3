package fr.guichet.shared;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What another module adds to an organisation's home page (credits, statistics, branding…): entries
 * to its pages and, if it has one, a section of its own, each shown only to a viewer whose rights
 * open it. The page that shows them does not need to know the modules.
 */
public interface OrganizationHomePart {

    /** A link among the organisation's entries: its message key, where it goes, its place (lowest first). */
    record Entry(String labelKey, String href, int order) {}

    /** The entries this viewer may follow on that organisation; empty when his rights open none. */
    List<Entry> entries(long viewer, long organization);

    /** The template holding the fragment {@code section(content)} of {@link #section}. */
    default String template() {
        return "";
    }

    /** What the section shows to this viewer; empty shows nothing. */
    default Optional<Object> section(long viewer, long organization, Locale locale) {
        return Optional.empty();
    }
}
