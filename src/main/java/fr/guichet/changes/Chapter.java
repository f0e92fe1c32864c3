package fr.guichet.changes;

import fr.guichet.account.AccountId;
import java.util.Locale;

/**
 * One kind of change request, as a decision handles it: what it compares, how it applies, how it
 * reads. Asking differs by kind (each has its own form), deciding does not.
 */
interface Chapter {

    ChangeKind kind();

    /**
     * Whether the data still say what the request's "before" said; what it compares stays locked
     * until the decision's transaction ends, so no edit slips between this check and the apply.
     */
    boolean stillAsAsked(ChangeRequest request);

    /** Applies the request's "after" through the reference data's own write path. */
    void apply(AccountId agent, ChangeRequest request);

    /** A request's data (its JSON "before" or "after") in words, in that language. */
    String describe(String data, Locale locale);
}
