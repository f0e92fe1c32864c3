package fr.guichet.helpdesk.tickets;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append-only: exchanges are added and read, never changed nor deleted. */
interface TicketExchangeRepository extends Repository<TicketExchange, Long> {

    TicketExchange save(TicketExchange exchange);

    List<TicketExchange> findByTicketIdOrderByIdAsc(long ticketId);
}
