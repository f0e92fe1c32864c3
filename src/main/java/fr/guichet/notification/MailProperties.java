package fr.guichet.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("guichet.mail")
record MailProperties(
        String from,
        Transport transport,
        boolean mailboxPage,
        Duration dispatchInterval,
        int batchSize,
        Duration retryBase,
        Duration retryMax,
        Duration dispatchLock) {

    enum Transport {
        MAILBOX,
        SMTP
    }

    MailProperties {
        if (retryBase == null) {
            retryBase = Duration.ofSeconds(30);
        }
        if (retryMax == null) {
            retryMax = Duration.ofHours(1);
        }
        if (dispatchLock == null) {
            dispatchLock = Duration.ofMinutes(5);
        }
        if (batchSize <= 0) {
            batchSize = 50;
        }
    }
}
