package fr.guichet.access;

/** A catalogue service's identity. */
public record ServiceId(long value) {
}
