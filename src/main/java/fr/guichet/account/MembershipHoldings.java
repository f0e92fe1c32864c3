package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import java.util.List;

/**
 * What a person holds because of a membership, and would lose with it: each module that ends
 * something on {@link fr.guichet.account.events.MembershipEnded} says here what it would end, so
 * that he reads it before he leaves.
 */
public interface MembershipHoldings {

    /**
     * @param leavesEstablishment no other membership of his would remain in the establishment's tree
     */
    List<Holding> heldThrough(
            AccountId person, OrganizationId organization, OrganizationId establishment, boolean leavesEstablishment);

    /** One thing he holds, as a message key and its one argument (a product, a service, a right…). */
    record Holding(String messageKey, String argument) {}
}
