package fr.guichet.helpdesk;

import fr.guichet.shared.TypedId;

/** A contractor company a ticket may be handed to, whose agents then see it. */
public record ContractorId(long value) implements TypedId {}
