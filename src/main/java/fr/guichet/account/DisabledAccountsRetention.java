package fr.guichet.account;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each night, once across nodes: accounts disabled for longer than the retention period are
 * anonymised, one transaction per account (one that fails does not hold back the others), in
 * batches so that a first run on an old platform does not load every account at once. Run twice,
 * it finds nothing left to do.
 */
@Component
class DisabledAccountsRetention {

    private static final Logger LOG = LoggerFactory.getLogger(DisabledAccountsRetention.class);

    private final Anonymisations anonymisations;
    private final RetentionProperties retention;
    private final Clock clock;

    DisabledAccountsRetention(Anonymisations anonymisations, RetentionProperties retention, Clock clock) {
        this.anonymisations = anonymisations;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(cron = "${guichet.retention.cron:0 15 3 * * *}", zone = "${guichet.time-zone:Europe/Paris}")
    @SchedulerLock(name = "disabled-accounts-retention", lockAtMostFor = "PT2H")
    void run() {
        anonymiseDue();
    }

    /** @return how many accounts were anonymised */
    int anonymiseDue() {
        var limit = clock.instant()
                .atOffset(ZoneOffset.UTC)
                .minus(retention.disabledAccounts())
                .toInstant();
        var done = 0;
        var failed = new HashSet<AccountId>();
        while (true) {
            var due = anonymisations.disabledBefore(limit, retention.batchSize() + failed.size()).stream()
                    .filter(id -> !failed.contains(id))
                    .toList();
            if (due.isEmpty()) {
                break;
            }
            for (var id : due) {
                try {
                    if (anonymisations.anonymise(id, null, null)) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    failed.add(id);
                    LOG.error("Account {} could not be anonymised; next run tries again", id.value(), e);
                }
            }
        }
        anonymisations.forgetCompletedEvents();
        if (done > 0) {
            LOG.info("{} disabled account(s) anonymised after {}", done, retention.disabledAccounts());
        }
        return done;
    }
}
