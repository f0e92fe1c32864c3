package fr.guichet.releases;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;

/** A correspondent set or cleared his establishment's project address for the product ("" when cleared). */
public record ProjectAddressChanged(
        AccountId actor, ProductId product, OrganizationId establishment, String subject, Instant occurredAt)
        implements ReleaseEvent {}
