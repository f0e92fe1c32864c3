package fr.guichet.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account's personal data were anonymised: each module that keeps something of the person scrubs
 * its own tables on hearing it, idempotently (the event is replayed after a crash). The former
 * address and names are what listeners look for in the strings they keep (follow-up addresses,
 * mails, the audit's targets); the account module deletes the completed publications of this event
 * on its next run, so that the event itself does not outlive what it erased.
 *
 * @param decidedBy the platform administrator who executed an erasure request; null: the retention job
 * @param erasureRequest the request executed; null: the retention period had passed
 */
public record AccountAnonymised(
        AccountId account,
        String formerEmail,
        String formerFirstName,
        String formerLastName,
        String placeholderEmail,
        @Nullable AccountId decidedBy,
        @Nullable Long erasureRequest,
        Instant occurredAt) {

    /** The person's names as pages and mails wrote them ("Julie Moreau"), and in the other order. */
    public java.util.List<String> formerNames() {
        return java.util.List.of(formerFirstName + " " + formerLastName, formerLastName + " " + formerFirstName);
    }

    /** What a reference to the account reads after it ("Compte anonymisé n° 42"). */
    public String placeholderName() {
        return Account.ANONYMISED_FIRST_NAME + " n° " + account.value();
    }
}
