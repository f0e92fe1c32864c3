package fr.guichet.certificates;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Each morning, once across nodes: the warnings of certificates coming to their end. */
@Component
class ExpirySchedule {

    private final ExpiryWarnings warnings;

    ExpirySchedule(ExpiryWarnings warnings) {
        this.warnings = warnings;
    }

    @Scheduled(cron = "${guichet.certificates.expiry-cron:0 40 7 * * *}", zone = "${guichet.time-zone:Europe/Paris}")
    @SchedulerLock(name = "certificate-expiry", lockAtMostFor = "PT1H")
    void sendDue() {
        warnings.sendDue();
    }
}
