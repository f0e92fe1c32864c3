package fr.guichet.helpdesk.calendar;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.reference.ReferenceForms;
import fr.guichet.helpdesk.reference.ReferenceForms.ClosureForm;
import fr.guichet.helpdesk.reference.ReferenceLog;
import fr.guichet.helpdesk.reference.ReferenceRefused;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agency's closure periods, which every deadline of the helpdesk skips, as its platform admins keep them. */
@Service
public class AgencyCalendar {

    record Closure(long id, LocalDate firstDay, LocalDate lastDay, String label) {}

    /**
     * Every deadline walks the calendar day by day through the closure periods: one typed as
     * 0001-01-01 → 9999-12-31 took every ticket page from a quarter of a second to several seconds.
     */
    static final int LONGEST_CLOSURE_DAYS = 366;

    static final int FARTHEST_CLOSURE_YEARS = 5;

    private final JdbcClient jdbc;
    private final ReferenceLog log;
    private final Clock clock;

    AgencyCalendar(JdbcClient jdbc, ReferenceLog log, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.clock = clock;
    }

    /** Today's calendar: the closure periods as they are recorded now. */
    @Transactional(readOnly = true)
    public BusinessCalendar today() {
        return new BusinessCalendar(jdbc.sql("select first_day, last_day, label from closure_period order by first_day")
                .query((rs, n) -> new ClosurePeriod(
                        rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getString(3)))
                .list());
    }

    @Transactional(readOnly = true)
    List<Closure> closures() {
        return jdbc.sql("select id, first_day, last_day, label from closure_period order by first_day desc")
                .query(Closure.class)
                .list();
    }

    @Transactional
    public void close(AccountId actor, ClosureForm form) {
        var first = ReferenceForms.date(form.firstDay());
        var last = ReferenceForms.date(form.lastDay());
        if (last.isBefore(first)) {
            throw new ReferenceRefused("lastDay", "reference.closure.order");
        }
        var today = LocalDate.now(clock);
        refuseIfFar("firstDay", first, today);
        refuseIfFar("lastDay", last, today);
        if (ChronoUnit.DAYS.between(first, last) + 1 > LONGEST_CLOSURE_DAYS) {
            throw new ReferenceRefused("lastDay", "reference.closure.too-long", LONGEST_CLOSURE_DAYS);
        }
        var label = form.label().strip();
        jdbc.sql("insert into closure_period (first_day, last_day, label) values (?, ?, ?)")
                .params(first, last, label)
                .update();
        log.changed(actor, "CLOSURE_ADDED", "closure period " + label, first + " → " + last);
    }

    private static void refuseIfFar(String field, LocalDate day, LocalDate today) {
        if (day.isBefore(today.minusYears(FARTHEST_CLOSURE_YEARS))
                || day.isAfter(today.plusYears(FARTHEST_CLOSURE_YEARS))) {
            throw new ReferenceRefused(field, "reference.closure.too-far", FARTHEST_CLOSURE_YEARS);
        }
    }

    @Transactional
    void reopen(AccountId actor, long id) {
        var closure = closures().stream().filter(c -> c.id() == id).findFirst().orElseThrow(NotFoundException::new);
        jdbc.sql("delete from closure_period where id = ?").param(id).update();
        log.changed(
                actor,
                "CLOSURE_REMOVED",
                "closure period " + closure.label(),
                closure.firstDay() + " → " + closure.lastDay());
    }
}
