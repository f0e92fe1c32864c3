package fr.guichet.credits;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Each hour of the day, once across nodes: the statements whose period is over. */
@Component
class StatementSchedule {

    private final StatementMails mails;

    StatementSchedule(StatementMails mails) {
        this.mails = mails;
    }

    @Scheduled(cron = "${guichet.credits.statement-cron:0 20 7-20 * * *}", zone = "${guichet.time-zone:Europe/Paris}")
    @SchedulerLock(name = "credit-statements", lockAtMostFor = "PT1H")
    void sendDue() {
        mails.sendDue();
    }
}
