package fr.guichet.support;

import java.util.UUID;

/** Unique names and addresses, so that tests sharing a database never meet. */
public final class People {

    private People() {}

    public static String uniqueDomain() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }

    public static String uniqueEmail(String domain) {
        return "p" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    public static String uniqueEmail() {
        return uniqueEmail(uniqueDomain());
    }

    /** A password the policy accepts: long, several unrelated words. */
    public static final String GOOD_PASSWORD = "Correct cheval agrafe batterie 42";
}
