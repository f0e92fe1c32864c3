package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ReferenceForms.ClosureForm;
import fr.guichet.helpdesk.ReferenceForms.CommitmentsForm;
import fr.guichet.shared.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the helpdesk's deadlines are counted with: the first-reply commitments and the agency's closure periods. */
@Service
class AgencyCalendar {

    record Closure(long id, LocalDate firstDay, LocalDate lastDay, String label) {
    }

    private final JdbcClient jdbc;
    private final ReferenceLog log;

    AgencyCalendar(JdbcClient jdbc, ReferenceLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    @Transactional(readOnly = true)
    CommitmentsForm commitments() {
        return new CommitmentsForm(days(Priority.BLOCKING), days(Priority.NON_BLOCKING));
    }

    private String days(Priority priority) {
        return jdbc.sql("select first_reply_days from service_commitment where priority = ?").param(priority.name())
                .query(Integer.class).optional().map(String::valueOf).orElse(null);
    }

    @Transactional
    void commit(AccountId actor, CommitmentsForm form) {
        var before = commitments();
        set(Priority.BLOCKING, Integer.parseInt(form.blocking().strip()));
        set(Priority.NON_BLOCKING, Integer.parseInt(form.nonBlocking().strip()));
        log.changed(actor, "SERVICE_COMMITMENTS_CHANGED", "service commitments",
                "BLOCKING " + before.blocking() + " → " + form.blocking() + ", NON_BLOCKING " + before.nonBlocking() + " → "
                        + form.nonBlocking());
    }

    private void set(Priority priority, int days) {
        if (jdbc.sql("update service_commitment set first_reply_days = ? where priority = ?").params(days, priority.name()).update() == 0) {
            jdbc.sql("insert into service_commitment (priority, first_reply_days) values (?, ?)").params(priority.name(), days).update();
        }
    }

    @Transactional(readOnly = true)
    List<Closure> closures() {
        return jdbc.sql("select id, first_day, last_day, label from closure_period order by first_day desc").query(Closure.class).list();
    }

    @Transactional
    void close(AccountId actor, ClosureForm form) {
        var first = ReferenceForms.date(form.firstDay());
        var last = ReferenceForms.date(form.lastDay());
        if (last.isBefore(first)) {
            throw new ReferenceRefused("lastDay", "reference.closure.order");
        }
        var label = form.label().strip();
        jdbc.sql("insert into closure_period (first_day, last_day, label) values (?, ?, ?)").params(first, last, label).update();
        log.changed(actor, "CLOSURE_ADDED", "closure period " + label, first + " → " + last);
    }

    @Transactional
    void reopen(AccountId actor, long id) {
        var closure = closures().stream().filter(c -> c.id() == id).findFirst().orElseThrow(NotFoundException::new);
        jdbc.sql("delete from closure_period where id = ?").param(id).update();
        log.changed(actor, "CLOSURE_REMOVED", "closure period " + closure.label(), closure.firstDay() + " → " + closure.lastDay());
    }
}
