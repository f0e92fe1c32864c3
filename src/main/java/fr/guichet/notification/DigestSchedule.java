package fr.guichet.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The digests go out from the morning on, once a day per person: the hours after the first catch
 * up on a morning the portal was down, and find nothing to do on other days.
 */
@Component
class DigestSchedule {

    private final Digests digests;

    DigestSchedule(Digests digests) {
        this.digests = digests;
    }

    @Scheduled(cron = "${guichet.mail.digest-cron:0 0 7-20 * * *}", zone = "${guichet.time-zone:Europe/Paris}")
    @SchedulerLock(name = "daily-digest", lockAtMostFor = "PT1H")
    void sendDue() {
        digests.sendDue();
    }
}
