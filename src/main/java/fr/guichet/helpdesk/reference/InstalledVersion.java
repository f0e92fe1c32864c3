package fr.guichet.helpdesk.reference;

/** The version of a product an establishment runs, as the agency validated it. */
public record InstalledVersion(long versionId, String label, boolean maintained) {}
