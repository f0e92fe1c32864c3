package fr.guichet.account;

import fr.guichet.shared.Refusal;

/** A person's own act on his memberships is refused (already a member, his last one…): nothing changes. */
public class MembershipRefusal extends Refusal {

    MembershipRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
