package fr.guichet.access;

/** A tool an establishment offers its own members: a name, a link and a few words. */
public record EstablishmentTool(long id, long establishmentId, String name, String url, String description) {}
