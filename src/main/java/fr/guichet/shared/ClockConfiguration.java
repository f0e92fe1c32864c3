package fr.guichet.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agency's time zone, whatever the server's: dates on pages and in e-mails are French time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
        return Clock.system(zone);
    }
}
