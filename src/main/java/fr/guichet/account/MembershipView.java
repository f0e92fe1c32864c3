package fr.guichet.account;

import fr.guichet.organization.OrganizationId;

/**
 * A person's belonging to an organisation. Declared at registration, confirmed by the e-mail's
 * domain or by an administrator: super admins see the difference when they decide.
 */
public record MembershipView(OrganizationId organization, boolean confirmed) {}
