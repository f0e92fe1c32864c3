package fr.guichet.account.registration;

import fr.guichet.account.EmailAddress;
import fr.guichet.account.security.Secrets;
import java.sql.Timestamp;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account e-mails that anyone can have sent to someone else's address (a reset link, a
 * registration, an address proposed for another account) are limited per kind and address.
 * Beyond the allowance nothing is sent and the link already sent is not replaced, so that nobody
 * can keep a person's link from working, nor flood a mailbox; the page answers as usual, so it
 * still tells nothing about the address. Counted in the database, so the limit holds across nodes.
 */
@Component
public class MailAllowance {

    public enum Kind {
        VERIFY_EMAIL,
        RESET_PASSWORD,
        ALREADY_REGISTERED,
        CONFIRM_EMAIL_CHANGE,
        EMAIL_TAKEN,
        INVITATION_TO_JOIN
    }

    private final JdbcClient jdbc;
    private final AccountMailProperties settings;
    private final Clock clock;

    MailAllowance(JdbcClient jdbc, AccountMailProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts one message and says whether it may go. Conditional updates, and an insert that
     * yields to a concurrent one, so two requests racing never both take the last message.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean take(Kind kind, EmailAddress to) {
        var address = Secrets.hash(to.value());
        var now = clock.instant();
        var windowOpenAfter = Timestamp.from(now.minus(settings.period()));
        if (countInWindow(kind, address, windowOpenAfter)) {
            return true;
        }
        var restarted = jdbc.sql("""
                        update account_mail_allowance set window_start = ?, sent = 1
                        where kind = ? and address_hash = ? and window_start <= ?""")
                .params(Timestamp.from(now), kind.name(), address, windowOpenAfter)
                .update();
        if (restarted == 1) {
            return true;
        }
        var inserted =
                jdbc.sql("""
                        insert into account_mail_allowance (kind, address_hash, window_start, sent) values (?, ?, ?, 1)
                        on conflict do nothing""").params(kind.name(), address, Timestamp.from(now)).update();
        // no row was there, yet another request just wrote one: count this message in its window
        return inserted == 1 || countInWindow(kind, address, windowOpenAfter);
    }

    private boolean countInWindow(Kind kind, String address, Timestamp windowOpenAfter) {
        return jdbc.sql("""
                        update account_mail_allowance set sent = sent + 1
                        where kind = ? and address_hash = ? and window_start > ? and sent < ?""")
                        .params(kind.name(), address, windowOpenAfter, settings.perAddress())
                        .update()
                == 1;
    }

    /** A window that has closed says nothing more: its row goes, and the address's hash with it. */
    @Scheduled(cron = "0 23 * * * *")
    @SchedulerLock(name = "account-mail-allowance", lockAtMostFor = "PT10M")
    void forgetClosedWindows() {
        jdbc.sql("delete from account_mail_allowance where window_start <= ?")
                .param(Timestamp.from(clock.instant().minus(settings.period())))
                .update();
    }
}
