package fr.guichet.news;

import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceId;
import fr.guichet.account.AccountId;
import fr.guichet.account.Populations;
import fr.guichet.alerts.AlertKind;
import fr.guichet.alerts.Alerts;
import fr.guichet.shared.PublicAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the people an announcement aims at, on one node at a time. When its date comes its audience
 * is fixed in one transaction (the recipients' rows, its size, the audit's event): a crash before the
 * commit leaves it scheduled, to be fixed again. Then batches: each batch's e-mails (or digest
 * entries) and the rows marking those people told are one transaction, so a batch a crash cut
 * short is told again from its start, and nobody twice.
 */
@Component
class AnnouncementSending {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementSending.class);

    static final int BATCH = 500;

    private final AnnouncementRepository repository;
    private final Audience audience;
    private final Alerts alerts;
    private final Populations populations;
    private final ServiceCatalogue services;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final PublicAddress address;
    private final Clock clock;

    AnnouncementSending(
            AnnouncementRepository repository,
            Audience audience,
            Alerts alerts,
            Populations populations,
            ServiceCatalogue services,
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            PublicAddress address,
            Clock clock) {
        this.repository = repository;
        this.audience = audience;
        this.alerts = alerts;
        this.populations = populations;
        this.services = services;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.events = events;
        this.address = address;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${guichet.news.sending-interval:2s}",
            initialDelayString = "${guichet.news.sending-interval:2s}")
    @SchedulerLock(name = "announcement-sending", lockAtMostFor = "PT30M")
    void sendDue() {
        // one announcement that fails (its batch is rolled back, tried again next time) holds up no other
        for (var id : repository.findDue(clock.instant())) {
            try {
                transactions.executeWithoutResult(tx -> fixAudience(id));
            } catch (RuntimeException failed) {
                log.error("Announcement {}: its audience could not be fixed, tried again later", id, failed);
            }
        }
        for (var id : repository.findSending()) {
            try {
                while (Boolean.TRUE.equals(transactions.execute(tx -> tellBatch(id)))) {
                    // batch after batch until everyone is told
                }
            } catch (RuntimeException failed) {
                log.error("Announcement {}: a batch failed and is tried again later", id, failed);
            }
        }
    }

    private void fixAudience(long id) {
        var announcement = repository.findById(id).orElse(null);
        if (announcement == null || announcement.status() != AnnouncementStatus.SCHEDULED) {
            return;
        }
        var target = announcement.target();
        var people = audience.of(target);
        for (var from = 0; from < people.size(); from += 1000) {
            var slice = people.subList(from, Math.min(from + 1000, people.size()));
            jdbcTemplate.batchUpdate(
                    "insert into announcement_recipient (announcement_id, account_id) values (?, ?)",
                    slice,
                    slice.size(),
                    (statement, person) -> {
                        statement.setLong(1, id);
                        statement.setLong(2, person.value());
                    });
        }
        var now = clock.instant();
        announcement.startSending(people.size(), now);
        events.publishEvent(new AnnouncementPublished(
                id, announcement.authorId(), announcement.title(), describe(target), people.size(), now));
    }

    /** Returns whether there may be more to tell. */
    private boolean tellBatch(long id) {
        var announcement = repository.findById(id).orElse(null);
        if (announcement == null || announcement.status() != AnnouncementStatus.SENDING) {
            return false;
        }
        var batch = jdbc.sql("""
                        select account_id from announcement_recipient
                        where announcement_id = ? and told_at is null
                        order by account_id fetch first %d rows only""".formatted(BATCH)).param(id).query(Long.class).list().stream()
                .map(AccountId::new)
                .toList();
        if (batch.isEmpty()) {
            announcement.sent();
            return false;
        }
        alerts.tell(
                AlertKind.ANNOUNCEMENTS,
                emailed(announcement, batch),
                "announcement",
                person -> Map.of(
                        "title", announcement.title(),
                        "excerpt", excerpt(announcement.body()),
                        "link", address.link("/actualites/{id}", id)));
        var now = Timestamp.from(clock.instant());
        jdbcTemplate.batchUpdate(
                "update announcement_recipient set told_at = ? where announcement_id = ? and account_id = ?",
                batch,
                batch.size(),
                (statement, person) -> {
                    statement.setTimestamp(1, now);
                    statement.setLong(2, id);
                    statement.setLong(3, person.value());
                });
        announcement.toldMore(batch.size());
        return true;
    }

    /**
     * Who among them gets it by e-mail (each then as he chose): a silent one, nobody; one to everyone is the
     * newsletter, for those who asked for it; one to a service's holders, for those who starred the
     * service (favourites drive alerts); the others, all of them.
     */
    private List<AccountId> emailed(Announcement announcement, List<AccountId> batch) {
        if (announcement.silent()) {
            return List.of();
        }
        var target = announcement.target();
        if (target.everyone()) {
            var readers = populations.newsletterReaders(batch);
            return batch.stream().filter(readers::contains).toList();
        }
        var serviceIds = target.values(Criterion.SERVICE);
        if (serviceIds.isEmpty()) {
            return batch;
        }
        var starred = services.starredAmong(
                serviceIds.stream().map(s -> new ServiceId(Long.parseLong(s))).toList(), batch);
        return batch.stream().filter(starred::contains).toList();
    }

    /** The target as the audit keeps it: "everyone", or each criterion and its values. */
    static String describe(Target target) {
        if (target.everyone()) {
            return "everyone";
        }
        // in the criteria's order, whatever the map's: the audit reads the same target the same way
        return new EnumMap<>(target.criteria())
                .entrySet().stream()
                        .map(e -> e.getKey().name() + "=" + String.join(",", new TreeSet<>(e.getValue())))
                        .collect(Collectors.joining(" & "));
    }

    /** The start of the text as typed: an e-mail is plain text, the page shows the rest. */
    static String excerpt(String markdown) {
        var text = markdown.strip();
        return text.length() <= 1000 ? text : text.substring(0, 1000).strip() + "…";
    }
}
