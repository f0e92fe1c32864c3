package fr.guichet.helpdesk;

/** A supported product's identity (Apogée, Sifac, Siham…). */
public record ProductId(long value) {
}
