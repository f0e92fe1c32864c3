package fr.guichet.shared;

import java.util.Optional;

/**
 * What another module requires of an organisation before its administrators may grant rights in it
 * or delete it (an encryption certificate, say). Administration asks every module that has such a
 * rule, without knowing them; each answer is a message key that says what is missing and what to do.
 */
public interface OrganizationRules {

    /** What is missing, in the words of a message key, and the page where it is done. */
    record Missing(String messageKey, String href) {}

    /** Why no role or right may be granted in the organisation yet; empty when they may. */
    default Optional<Missing> grantsWaitFor(long organization) {
        return Optional.empty();
    }

    /** Why the organisation may not be deleted yet; empty when nothing of this module stops it. */
    default Optional<Missing> deletionWaitsFor(long organization) {
        return Optional.empty();
    }
}
