package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.TicketStatus;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    @Query("""
            select t from Ticket t where t.status in (fr.guichet.helpdesk.TicketStatus.ARS, fr.guichet.helpdesk.TicketStatus.AVS)
            and t.siteWait.since is not null order by t.id""")
    List<Ticket> findWaitingForTheSite();

    @Query("select t.id from Ticket t where t.categoryId = :category and t.status in :statuses order by t.id")
    List<Long> findNumbersInStates(long category, Collection<TicketStatus> statuses);
}
