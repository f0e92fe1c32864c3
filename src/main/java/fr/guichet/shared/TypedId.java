package fr.guichet.shared;

/**
 * An identifier with a type of its own ({@code TicketId}, {@code AccountId}…), so that a ticket's
 * number is never passed where an account's is expected. Outside the code it is its number: the
 * API writes and reads it as a plain integer.
 */
public interface TypedId {

    long value();
}
