package fr.guichet.helpdesk;

/**
 * A category started or stopped publishing its solved tickets: the knowledge base follows its
 * tickets again (closed ones get no other act that would tell it).
 */
public record CategoryPublicationChanged(long categoryId, boolean publishes) {}
