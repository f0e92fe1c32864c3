package fr.guichet.notification;

import fr.guichet.shared.PublicAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: what a person chose to read once a day is held here, rendered in his language
 * when it happens, and gathered into one e-mail per person per day. A day's digest is recorded in
 * the transaction that writes it to the outbox, with the entries it carries: a second run the same
 * day (another node, a restart, a retry) finds nothing left to send, and an entry is never in two.
 */
@Service
public class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private static final int PEOPLE_PER_ROUND = 200;

    private final JdbcClient jdbc;
    private final MailRenderer renderer;
    private final Outbox outbox;
    private final PublicAddress address;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Digests(
            JdbcClient jdbc,
            MailRenderer renderer,
            Outbox outbox,
            PublicAddress address,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.outbox = outbox;
        this.address = address;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Holds this mail for the person's next digest instead of sending it: rendered now, so that it
     * reads as it would have when it happened. Its only recipient is the person. A digest is text
     * only: a mail with files is enqueued on its own, never held (they would be lost).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(long accountId, OutgoingMail mail) {
        if (!mail.attachments().isEmpty()) {
            throw new IllegalArgumentException("a digest carries no file: enqueue " + mail.template() + " instead");
        }
        var rendered = renderer.render(mail);
        jdbc.sql("""
                        insert into digest_entry (account_id, email, locale, subject, body, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        accountId,
                        mail.to().get(0),
                        mail.locale().toLanguageTag(),
                        rendered.subject(),
                        rendered.digestItem(renderer.signature(mail.locale())),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** How many entries wait for this person's next digest. */
    @Transactional(readOnly = true)
    public int waiting(long accountId) {
        return jdbc.sql("select count(*) from digest_entry where account_id = ? and digest_day is null")
                .param(accountId)
                .query(Integer.class)
                .single();
    }

    /**
     * Writes today's digest of everyone who has something waiting and had none today; returns how
     * many were written. Each person's digest is its own transaction: one that fails is tried again
     * at the next run, the others are kept.
     */
    public int sendDue() {
        var today = LocalDate.now(clock);
        var sent = 0;
        while (true) {
            var people = jdbc.sql("""
                            select distinct e.account_id from digest_entry e
                            where e.digest_day is null
                              and not exists (select 1 from digest_sent s where s.account_id = e.account_id and s.sent_on = ?)
                            order by e.account_id fetch first %d rows only""".formatted(PEOPLE_PER_ROUND))
                    .param(today)
                    .query(Long.class)
                    .list();
            if (people.isEmpty()) {
                return sent;
            }
            var progress = 0;
            for (var person : people) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(tx -> sendTo(person, today)))) {
                        sent++;
                        progress++;
                    }
                } catch (DataIntegrityViolationException sentByAnother) {
                    // another run wrote this person's digest of the day between our question and our insert
                    progress++;
                } catch (RuntimeException failed) {
                    // his digest waits for the next run; the others go out
                    log.error("The digest of account {} could not be written", person, failed);
                }
            }
            if (progress == 0) {
                // only people whose digest fails are left: the next run tries them again
                return sent;
            }
        }
    }

    private record Entry(long id, String email, String locale, String subject, String body) {}

    private boolean sendTo(long accountId, LocalDate today) {
        // the day's row first: a second node on the same person waits on it, then finds it taken
        var claimed = jdbc.sql("""
                        insert into digest_sent (account_id, sent_on, sent_at)
                        select ?, ?, ? where not exists (select 1 from digest_sent where account_id = ? and sent_on = ?)""")
                .params(accountId, today, Timestamp.from(clock.instant()), accountId, today)
                .update();
        if (claimed == 0) {
            return false;
        }
        var entries = jdbc.sql("""
                        select id, email, locale, subject, body from digest_entry
                        where account_id = ? and digest_day is null order by id""").param(accountId).query(Entry.class).list();
        if (entries.isEmpty()) {
            return false;
        }
        var latest = entries.get(entries.size() - 1);
        var locale = Locale.forLanguageTag(latest.locale());
        var items = entries.stream()
                .map(e -> Map.of("subject", e.subject(), "body", e.body().strip()))
                .toList();
        var mail = new OutgoingMail(
                latest.email(),
                locale,
                "digest",
                Map.of("count", entries.size(), "items", items, "link", address.link(MailRenderer.ALERTS_PAGE)));
        outbox.write(mail, renderer.render(mail));
        for (var entry : entries) {
            jdbc.sql("update digest_entry set digest_day = ? where id = ?")
                    .params(today, entry.id())
                    .update();
        }
        return true;
    }

    /** The entries of a person who is forgotten go with him. */
    @Transactional
    public void forget(long accountId) {
        jdbc.sql("delete from digest_entry where account_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("delete from digest_sent where account_id = ?")
                .param(accountId)
                .update();
    }
}
