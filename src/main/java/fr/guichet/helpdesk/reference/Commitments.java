package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.reference.ReferenceForms.CommitmentsForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The service commitments: within how many business days the agency promises a first reply, by priority. */
@Service
public class Commitments {

    /** What the agency promised before anyone set the commitments. */
    private static final int DEFAULT_FIRST_REPLY_DAYS = 5;

    private final JdbcClient jdbc;
    private final ReferenceLog log;

    Commitments(JdbcClient jdbc, ReferenceLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    @Transactional(readOnly = true)
    CommitmentsForm commitments() {
        return new CommitmentsForm(days(Priority.BLOCKING), days(Priority.NON_BLOCKING));
    }

    private String days(Priority priority) {
        return jdbc.sql("select first_reply_days from service_commitment where priority = ?")
                .param(priority.name())
                .query(Integer.class)
                .optional()
                .map(String::valueOf)
                .orElse(null);
    }

    /** A ticket of no priority yet is counted as a non-blocking one. */
    @Transactional(readOnly = true)
    public int firstReplyDays(Priority priority) {
        return jdbc.sql("select first_reply_days from service_commitment where priority = ?")
                .param((priority == null ? Priority.NON_BLOCKING : priority).name())
                .query(Integer.class)
                .optional()
                .orElse(DEFAULT_FIRST_REPLY_DAYS);
    }

    @Transactional
    void commit(AccountId actor, CommitmentsForm form) {
        var before = commitments();
        set(Priority.BLOCKING, Integer.parseInt(form.blocking().strip()));
        set(Priority.NON_BLOCKING, Integer.parseInt(form.nonBlocking().strip()));
        log.changed(
                actor,
                "SERVICE_COMMITMENTS_CHANGED",
                "service commitments",
                "BLOCKING " + before.blocking() + " → " + form.blocking() + ", NON_BLOCKING " + before.nonBlocking()
                        + " → " + form.nonBlocking());
    }

    private void set(Priority priority, int days) {
        if (jdbc.sql("update service_commitment set first_reply_days = ? where priority = ?")
                        .params(days, priority.name())
                        .update()
                == 0) {
            jdbc.sql("insert into service_commitment (priority, first_reply_days) values (?, ?)")
                    .params(priority.name(), days)
                    .update();
        }
    }
}
