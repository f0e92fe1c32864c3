package fr.guichet.helpdesk;

/**
 * What {@code /api/v1/tickets} is, for the advice that answers its refusals as problem details: the
 * controller lives with the tickets, which the helpdesk's published package must not depend on.
 */
public interface TicketApi {
}
