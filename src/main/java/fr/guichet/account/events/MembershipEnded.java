package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;

/**
 * A person left an organisation. Published inside the transaction that ends the membership, so that
 * what he held because of it (rights, roles, super admin, correspondent rows, access grants) ends in
 * that same transaction: modules that keep such things listen synchronously.
 *
 * @param endedBy who removed him (null: the platform itself)
 * @param establishment the establishment at the top of the organisation's branch
 * @param leftEstablishment no other membership of his remains in that establishment's tree: what
 *        he held as one of its people (super admin, correspondent, access grants) ends too
 * @param accountDisabled it was his last membership: his account is disabled
 */
public record MembershipEnded(
        AccountId account,
        String target,
        long organizationId,
        OrganizationId establishment,
        boolean leftEstablishment,
        boolean accountDisabled,
        AccountId endedBy,
        String sourceAddress,
        Instant occurredAt) {}
