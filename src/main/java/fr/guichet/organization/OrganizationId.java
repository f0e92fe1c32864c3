package fr.guichet.organization;

import fr.guichet.shared.TypedId;

public record OrganizationId(long value) implements TypedId {}
