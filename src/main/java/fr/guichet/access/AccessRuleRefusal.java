package fr.guichet.access;

import fr.guichet.shared.Refusal;

/**
 * One of the access rules saying no (a request, a decision, the catalogue), with the message key
 * that tells the person why. Not to be confused with {@link AccessRefused}, the event of a decider
 * refusing a request.
 */
public class AccessRuleRefusal extends Refusal {

    public AccessRuleRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
