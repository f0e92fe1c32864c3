package fr.guichet.changes;

import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A person named correspondent of a site (or no longer), as a request keeps him: his name and address
 * as they were, so that the request still reads the same if he changes them later.
 */
record Naming(
        long accountId,
        String name,
        String email,
        CorrespondentKind kind,
        @Nullable String contactEmail,
        boolean named) {

    static Naming of(CorrespondentSites.Named person, @Nullable String contactEmail, boolean named) {
        return new Naming(person.person().value(), person.name(), person.email(), person.kind(), contactEmail, named);
    }

    Naming leaving() {
        return new Naming(accountId, name, email, kind, contactEmail, false);
    }

    boolean is(CorrespondentSites.Named person) {
        return person.person().value() == accountId && person.kind() == kind;
    }

    /** The slot of a pending request about him: one at a time per person and kind. */
    String about() {
        return accountId + ":" + kind;
    }

    String describe(ChangeWords words, Locale locale) {
        var line = words.word(
                "changes.naming", locale, name, email, words.word("reference.correspondent.kind." + kind, locale));
        if (contactEmail != null) {
            line += " · " + words.word("changes.contact.email", locale) + " : " + contactEmail;
        }
        return named ? line : line + " — " + words.word("changes.naming.leaves", locale);
    }
}
