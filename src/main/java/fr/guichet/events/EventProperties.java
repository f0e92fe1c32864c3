package fr.guichet.events;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the convocations and attendance certificates say of the agency ({@code guichet.events.*}), and
 * when the reminders go (the day before, from {@code reminder-hours} hours before the start).
 */
@ConfigurationProperties("guichet.events")
record EventProperties(
        @DefaultValue("Agence de mutualisation") String agencyName,
        @DefaultValue List<String> agencyAddress,
        @DefaultValue("") String signatory,
        @DefaultValue("24") int reminderHours) {}
