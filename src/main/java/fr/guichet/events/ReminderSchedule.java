package fr.guichet.events;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Each hour, once across nodes: the reminders of tomorrow's sessions. */
@Component
class ReminderSchedule {

    private final Reminders reminders;

    ReminderSchedule(Reminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(cron = "${guichet.events.reminder-cron:0 5 * * * *}", zone = "${guichet.time-zone:Europe/Paris}")
    @SchedulerLock(name = "event-reminders", lockAtMostFor = "PT30M")
    void sendDue() {
        reminders.sendDue();
    }
}
