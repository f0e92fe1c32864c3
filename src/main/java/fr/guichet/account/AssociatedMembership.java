package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import java.time.Instant;

/**
 * One of a person's memberships as he sees it on "Mes comptes associés": principal or secondary,
 * confirmed or awaiting the administrators' decision, since when (asked or joined).
 */
public record AssociatedMembership(
        MembershipId id, OrganizationId organization, boolean confirmed, boolean principal, Instant since) {}
