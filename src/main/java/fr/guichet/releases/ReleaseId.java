package fr.guichet.releases;

/** A release's id. */
public record ReleaseId(long value) {}
