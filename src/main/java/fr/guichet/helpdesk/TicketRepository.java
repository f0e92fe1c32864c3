package fr.guichet.helpdesk;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    /** The tickets of the requester side: filed by the person, or of a product he is correspondent of for his establishment. */
    @org.springframework.data.jpa.repository.Query(value = """
            select t.* from ticket t
            where t.requester_id = :person
               or exists (select 1 from correspondent c where c.account_id = :person
                          and c.establishment_id = t.establishment_id and c.product_id = t.product_id)
            order by t.id desc""", nativeQuery = true)
    List<Ticket> findOfRequesterSide(long person);

    /** The open tickets an agent's teams handle, and those no team has yet. */
    @org.springframework.data.jpa.repository.Query(value = """
            select t.* from ticket t
            where t.status in ('NEW', 'ECT', 'ARS', 'AVS', 'ATD', 'ADV', 'DEV', 'PEC', 'CTR', 'REM')
              and (t.team_id is null or t.team_id in (select m.team_id from team_member m where m.account_id = :agent))
            order by t.id desc""", nativeQuery = true)
    List<Ticket> findOpenForAgent(long agent);

    @org.springframework.data.jpa.repository.Query("""
            select t from Ticket t where t.status in (fr.guichet.helpdesk.TicketStatus.ARS, fr.guichet.helpdesk.TicketStatus.AVS)
            and t.waitingSince is not null order by t.id""")
    List<Ticket> findWaitingForTheSite();
}
