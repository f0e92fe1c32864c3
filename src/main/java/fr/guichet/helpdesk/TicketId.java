package fr.guichet.helpdesk;

/** A ticket's number, as people quote it ("DA n° 1234"). */
public record TicketId(long value) {
}
