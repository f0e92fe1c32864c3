package fr.guichet.account;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data are kept (RGPD): docs/operations.md says why the defaults are what they are.
 *
 * @param disabledAccounts how long a disabled account keeps its personal data before they are anonymised
 * @param batchSize accounts anonymised per transaction by the job
 */
@ConfigurationProperties("guichet.retention")
public record RetentionProperties(
        @DefaultValue("P1Y") Period disabledAccounts,
        @DefaultValue("100") int batchSize) {}
