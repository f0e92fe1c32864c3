package fr.guichet.account;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Places as other modules aim at them (an announcement to a région): codes and labels only, the
 * places themselves being the account module's nested {@code places} module's, which implements it.
 */
public interface PlaceAudience {

    /** Whether the code names a place: a région, a département, a country. */
    boolean knows(String code);

    /** Active people concerned by any of these places (docs/places.md): their choice, or where they work. */
    Set<AccountId> concernedBy(Collection<String> codes);

    /** Every place a form offers, by région (its départements after it), then the other countries. */
    List<Group> choices(Locale locale);

    record Group(String label, List<Choice> places) {}

    record Choice(String code, String label) {}
}
