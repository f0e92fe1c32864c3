package fr.guichet.helpdesk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The helpdesk's side of publication: what the knowledge base may take of a ticket. Which tickets
 * are published is the lifecycle's rule ({@link Publication}); how they are redacted, indexed and
 * shown is the knowledge base's.
 */
public interface PublishableTickets {

    boolean requestCategoryExists(long id);

    /** The request categories in tree order, each named with its depth ("— — Recettes"), for the FAQ's link to them. */
    Map<Long, String> requestCategories();

    Optional<PublishableTicket> find(TicketId id);

    /** The numbers of a category's tickets that the lifecycle could publish (closed validated, rejected, known issues). */
    List<TicketId> publishableOf(long categoryId);

    /** The products by id, with their names, for the public search's filter. */
    Map<Long, String> products();
}
