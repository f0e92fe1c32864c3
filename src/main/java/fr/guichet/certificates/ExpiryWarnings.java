package fr.guichet.certificates;

import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns an organisation's administrators before one of its certificates expires: once when it comes
 * within each of the configured delays (60, 30 and 7 days by default). Each warning's row and its
 * e-mails are written in one transaction, so a rerun, another node or a restart warns nobody twice,
 * and a portal that was down warns on its next run. A certificate added already close to its end
 * gets the one warning of the nearest delay.
 */
@Service
class ExpiryWarnings {

    private static final Logger log = LoggerFactory.getLogger(ExpiryWarnings.class);

    private final Certificates certificates;
    private final CertificateMails mails;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final List<Integer> delays;

    ExpiryWarnings(
            Certificates certificates,
            CertificateMails mails,
            Organizations organizations,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            @Value("${guichet.certificates.warn-days:60,30,7}") List<Integer> delays) {
        this.certificates = certificates;
        this.mails = mails;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.delays = delays.stream().filter(d -> d > 0).sorted().toList();
    }

    /** Flagged on the pages: expired, or within the longest delay of its end. */
    boolean near(HeldCertificate certificate, Instant now) {
        return certificate.expired(now)
                || Duration.between(now, certificate.notAfter()).toDays() <= longest();
    }

    int longest() {
        return delays.isEmpty() ? 0 : delays.get(delays.size() - 1);
    }

    /** Sends the warnings due now; returns how many certificates were warned of. */
    int sendDue() {
        var now = certificates.now();
        var warned = 0;
        for (var certificate : certificates.endingBefore(now.plus(Duration.ofDays(longest())))) {
            var left = Duration.between(now, certificate.notAfter()).toDays();
            var delay = delays.stream().filter(d -> left <= d).findFirst();
            if (delay.isEmpty()) {
                continue;
            }
            try {
                var sent = transaction.execute(status -> warn(certificate, delay.get(), left, now, status));
                if (Boolean.TRUE.equals(sent)) {
                    warned++;
                }
            } catch (DuplicateKeyException otherNode) {
                // another node warned of it between our check and our insert
            } catch (RuntimeException e) {
                // one certificate that cannot be warned of does not stop the others; tried again next run
                log.error("Expiry warning of certificate {} not sent", certificate.id(), e);
            }
        }
        return warned;
    }

    private boolean warn(HeldCertificate certificate, int delay, long left, Instant now, TransactionStatus status) {
        var recorded = jdbc.sql("insert into certificate_expiry_notice (certificate_id, days_before, sent_at) "
                        + "select :id, :delay, :now where not exists (select 1 from certificate_expiry_notice "
                        + "where certificate_id = :id and days_before = :delay)")
                .param("id", certificate.id())
                .param("delay", delay)
                .param("now", Timestamp.from(now))
                .update();
        if (recorded == 0) {
            return false;
        }
        var organization = organizations.find(new OrganizationId(certificate.holderId()));
        if (organization.isEmpty()) {
            return false;
        }
        if (mails.expiring(certificate, organization.get(), left) == 0) {
            // nobody to tell yet: the warning waits for the next run rather than being spent on no one
            status.setRollbackOnly();
            return false;
        }
        return true;
    }
}
