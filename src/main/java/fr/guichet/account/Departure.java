package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import java.util.List;

/**
 * What leaving one of his memberships would mean for a person, shown before he confirms.
 *
 * @param withdrawal the membership still waits for a decision: leaving withdraws his request
 * @param refusal why he may not leave it himself (a message key), or null
 * @param keepsNoEntity it is his last membership, and his account stays without one
 * @param holdings what he holds because of it and loses with it
 */
public record Departure(
        MembershipId membership,
        OrganizationId organization,
        boolean withdrawal,
        String refusal,
        boolean keepsNoEntity,
        List<MembershipHoldings.Holding> holdings) {

    public boolean allowed() {
        return refusal == null;
    }
}
