package fr.guichet.account.registration;

import java.io.Serial;
import java.io.Serializable;

/** What the registration steps gathered so far, kept in the (database-backed) session. */
final class RegistrationDraft implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String SESSION_KEY = "guichet.registration";

    String email;
    /** Set at step 2: an establishment, or none for an external requester. */
    Long organizationId;

    boolean establishmentChosen;
    DetailsForm details;

    boolean external() {
        return establishmentChosen && organizationId == null;
    }
}
