package fr.guichet.helpdesk;

import fr.guichet.shared.TypedId;

/** A supported product's identity (Apogée, Sifac, Siham…). */
public record ProductId(long value) implements TypedId {}
