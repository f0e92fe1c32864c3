package fr.guichet.knowledge;

import fr.guichet.shared.Accents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the public must not read in a published ticket: e-mail addresses,
 * phone numbers, the establishment's name and acronym, and people's names. The people of the ticket
 * (its requester, the correspondents, the agents who acted) are removed by first name, last name or
 * both; anyone else the database knows by a last name found in the text is removed where he is
 * clearly named (first and last name, a civility and the name, or the name in capitals), so that a
 * word that happens to be a surname ("Petit", "Marchand") is not blanked everywhere.
 */
final class Redaction {

    static final String NAME = "[nom]";
    static final String EMAIL = "[adresse électronique]";
    static final String PHONE = "[téléphone]";
    static final String ESTABLISHMENT = "[établissement]";
    static final String REFERENCE = "[référence]";
    /** Spaces as typed, non-breaking ones included (French typography puts them before ":" and in numbers). */
    private static final String SPACE = "[\\s\\u00A0\\u202F]";

    private static final Pattern EMAIL_ADDRESS =
            Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /** French numbers (01 23 45 67 89, 01.23.45.67.89, +33 1 23 45 67 89, +33 (0)1…) and other international ones. */
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}+])(?:\\(?(?:\\+|00)33\\)?[\\s\\u00A0\\u202F.-]?(?:\\(0\\)[\\s\\u00A0\\u202F.-]?)?[1-9]|0[1-9])"
                    + "(?:[\\s\\u00A0\\u202F.-]?\\d{2}){4}(?![\\p{L}\\p{N}])"
                    + "|(?<![\\p{L}\\p{N}+])\\(?\\+(?!33)\\d{1,3}\\)?(?:[\\s\\u00A0\\u202F.-]?\\d){7,12}(?![\\p{L}\\p{N}])");

    private static final String CIVILITY =
            "(?:M\\.|Mr\\.?|Mme\\.?|Mlle\\.?|Monsieur|Madame|Mademoiselle|Dr\\.?|Docteur|Pr\\.?|Professeur)" + SPACE
                    + "+";
    private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";
    /** Words that may be a last name: capitalised, or in capitals. */
    static final Pattern CANDIDATE = Pattern.compile("\\p{Lu}[\\p{L}'’-]+");

    record Person(String firstName, String lastName) {}

    private final @Nullable Pattern establishment;
    private final @Nullable Pattern people;
    private final @Nullable Pattern references;

    /**
     * @param involved the ticket's people: removed wherever their first or last name appears
     * @param known    other people the database knows: removed where clearly named
     * @param establishmentNames the establishment's name and acronym
     */
    Redaction(Collection<Person> involved, Collection<Person> known, Collection<String> establishmentNames) {
        this(involved, known, establishmentNames, List.of());
    }

    /** @param references the site's own references (a ticket's internal reference), removed where they appear */
    Redaction(
            Collection<Person> involved,
            Collection<Person> known,
            Collection<String> establishmentNames,
            Collection<String> references) {
        var names = new LinkedHashSet<String>();
        for (var name : establishmentNames) {
            if (name != null && name.strip().length() >= 2) {
                for (var spelling : spellings(name)) {
                    // the acronym in capitals only ("UGA", not "uga" in a path); the full name in any case
                    names.add(
                            spelling.equals(spelling.toUpperCase())
                                    ? "(?-i:" + flexible(spelling) + ")"
                                    : flexible(spelling));
                }
            }
        }
        var quoted = references.stream()
                .filter(r -> r != null && r.strip().length() >= 3)
                .map(r -> Pattern.quote(r.strip()))
                .collect(Collectors.joining("|"));
        this.references = quoted.isEmpty()
                ? null
                : Pattern.compile(BEFORE + "(?:" + quoted + ")" + AFTER, Pattern.CASE_INSENSITIVE);
        this.establishment = names.isEmpty()
                ? null
                : Pattern.compile(
                        BEFORE + "(?:" + longestFirst(names) + ")" + AFTER,
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        var forms = new LinkedHashSet<String>();
        for (var person : involved) {
            forms.addAll(clearly(person));
            forms.addAll(alone(person.lastName()));
            forms.addAll(alone(person.firstName()));
        }
        for (var person : known) {
            forms.addAll(clearly(person));
        }
        this.people = forms.isEmpty() ? null : Pattern.compile(BEFORE + "(?:" + longestFirst(forms) + ")" + AFTER);
    }

    @Nullable
    String redact(@Nullable String text) {
        if (text == null) {
            return null;
        }
        var result = EMAIL_ADDRESS.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL));
        if (references != null) {
            result = references.matcher(result).replaceAll(Matcher.quoteReplacement(REFERENCE));
        }
        result = PHONE_NUMBER.matcher(result).replaceAll(Matcher.quoteReplacement(PHONE));
        if (establishment != null) {
            result = establishment.matcher(result).replaceAll(Matcher.quoteReplacement(ESTABLISHMENT));
        }
        if (people != null) {
            result = people.matcher(result).replaceAll(Matcher.quoteReplacement(NAME));
        }
        return result;
    }

    /** "Jean Dupont", "Dupont Jean", "M. Dupont", "DUPONT" — in any case for the first three. */
    private static List<String> clearly(Person person) {
        var forms = new ArrayList<String>();
        for (var first : spellings(person.firstName())) {
            for (var last : spellings(person.lastName())) {
                forms.add("(?iu:" + flexible(first) + SPACE + "+" + flexible(last) + ")");
                forms.add("(?iu:" + flexible(last) + SPACE + "+" + flexible(first) + ")");
            }
        }
        for (var last : spellings(person.lastName())) {
            forms.add("(?iu:" + CIVILITY + flexible(last) + ")");
            if (last.length() >= 3) {
                forms.add(flexible(last.toUpperCase()));
            }
        }
        return forms;
    }

    /** The name alone, as a name is written: capitalised ("Dupont") or in capitals ("DUPONT"). */
    private static List<String> alone(String name) {
        var forms = new ArrayList<String>();
        if (name == null || name.strip().length() < 2) {
            return forms;
        }
        for (var spelling : spellings(name)) {
            forms.add(flexible(spelling));
            forms.add(flexible(spelling.toUpperCase()));
            forms.add(flexible(capitalised(spelling)));
        }
        return forms;
    }

    /** As registered and without accents ("Hélène", "Helene"). */
    private static Set<String> spellings(String name) {
        var spellings = new LinkedHashSet<String>();
        if (name != null && !name.isBlank()) {
            spellings.add(name.strip());
            spellings.add(Accents.removed(name.strip()));
        }
        return spellings;
    }

    /** Each word capitalised: "le gall" → "Le Gall", "JEAN-MARC" → "Jean-Marc". */
    private static String capitalised(String name) {
        var result = new StringBuilder(name.length());
        var start = true;
        for (var c : name.toCharArray()) {
            result.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ' || c == '-' || c == '\'';
        }
        return result.toString();
    }

    /**
     * Quoted, where any run of spaces (non-breaking ones too) or a hyphen between words may be
     * written as either, and an apostrophe straight or typographic ("O'Neil", "O’Neil").
     */
    private static String flexible(String name) {
        return Arrays.stream(name.strip().split("[\\s\\u00A0\\u202F-]+"))
                .map(word -> Arrays.stream(word.split("['’]", -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining("['’]")))
                .collect(Collectors.joining("[\\s\\u00A0\\u202F-]+"));
    }

    /** Alternatives tried longest first: "Jean Dupont" before "Jean". */
    private static String longestFirst(Collection<String> forms) {
        return forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .collect(Collectors.joining("|"));
    }
}
