package fr.guichet.federation;

import fr.guichet.account.AccountId;
import java.io.Serial;
import java.io.Serializable;

/** What a provider's answer leads to. */
sealed interface Arrival {

    /** The identity is this account's: sign him in. */
    record SignIn(AccountId account) implements Arrival {}

    /** The person, signed in, tied the identity to his account from "Mon compte". */
    record Linked(AccountId account) implements Arrival {}

    /** Nobody has this identity or address yet: he completes what the provider did not say. */
    record Complete(Newcomer newcomer) implements Arrival {}

    /** No way in through this answer; the message code says why and what to do. */
    record Refused(String code, String providerName) implements Arrival, Serializable {

        @Serial
        private static final long serialVersionUID = 1L;
    }
}
