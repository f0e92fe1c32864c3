package fr.guichet.credits;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.PublicAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statements by e-mail: who asked for which organisation's, how often, and the sending of each
 * period once it is over. A period's row, its e-mail in the outbox are written in one transaction:
 * a rerun, another node or a restart sends nothing twice, and a portal that was down catches up on
 * the periods it missed (the last few). A person who lost the right to read the credits is sent
 * nothing more, and his choice is forgotten.
 */
@Service
class StatementMails {

    record Subscription(long organizationId, long accountId, Frequency frequency, LocalDate subscribedOn) {}

    private static final Logger log = LoggerFactory.getLogger(StatementMails.class);

    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final CreditsAccess access;
    private final Accounts accounts;
    private final Organizations organizations;
    private final Outbox outbox;
    private final PublicAddress address;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StatementMails(
            JdbcClient jdbc,
            Ledger ledger,
            CreditsAccess access,
            Accounts accounts,
            Organizations organizations,
            Outbox outbox,
            PublicAddress address,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.access = access;
        this.accounts = accounts;
        this.organizations = organizations;
        this.outbox = outbox;
        this.address = address;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<Frequency> frequency(OrganizationId organization, AccountId person) {
        return jdbc.sql("select frequency from credit_statement_subscription "
                        + "where organization_id = :organization and account_id = :person")
                .param("organization", organization.value())
                .param("person", person.value())
                .query(String.class)
                .optional()
                .map(Frequency::valueOf);
    }

    /** Chooses how often, or none ({@code null}): a new frequency counts from today. */
    @Transactional
    void choose(OrganizationId organization, AccountId person, Frequency frequency) {
        if (frequency != null
                && frequency(organization, person).filter(frequency::equals).isPresent()) {
            // the same choice again: the periods it already counts stay due
            return;
        }
        forget(organization.value(), person.value());
        if (frequency != null) {
            jdbc.sql(
                            "insert into credit_statement_subscription (organization_id, account_id, frequency, subscribed_on) "
                                    + "values (:organization, :person, :frequency, :today)")
                    .param("organization", organization.value())
                    .param("person", person.value())
                    .param("frequency", frequency.name())
                    .param("today", LocalDate.now(clock))
                    .update();
        }
    }

    private void forget(long organization, long person) {
        jdbc.sql(
                        "delete from credit_statement_subscription where organization_id = :organization and account_id = :person")
                .param("organization", organization)
                .param("person", person)
                .update();
    }

    /** Sends every statement due today; returns how many went to the outbox. */
    int sendDue() {
        return sendDue(LocalDate.now(clock));
    }

    int sendDue(LocalDate today) {
        var subscriptions = jdbc.sql("select * from credit_statement_subscription order by organization_id, account_id")
                .query((rs, n) -> new Subscription(
                        rs.getLong("organization_id"),
                        rs.getLong("account_id"),
                        Frequency.valueOf(rs.getString("frequency")),
                        rs.getObject("subscribed_on", LocalDate.class)))
                .list();
        var sent = 0;
        for (var subscription : subscriptions) {
            try {
                sent += send(subscription, today);
            } catch (RuntimeException e) {
                // one statement that cannot be made does not stop the others; it is tried again next hour
                log.error(
                        "Credit statement of organization {} for account {} not sent",
                        subscription.organizationId(),
                        subscription.accountId(),
                        e);
            }
        }
        return sent;
    }

    private int send(Subscription subscription, LocalDate today) {
        var person = accounts.find(new AccountId(subscription.accountId()));
        var organization = organizations.find(new OrganizationId(subscription.organizationId()));
        if (person.isEmpty()
                || organization.isEmpty()
                || !person.get().active()
                || !access.mayRead(person.get().id(), organization.get().id())) {
            // the right (or the account) is gone: so is the statement it brought
            transaction.executeWithoutResult(s -> forget(subscription.organizationId(), subscription.accountId()));
            return 0;
        }
        var sent = 0;
        for (var period : subscription.frequency().overSince(subscription.subscribedOn(), today)) {
            try {
                var queued = transaction.execute(status -> {
                    var recorded = jdbc.sql(
                                    "insert into credit_statement_sent (organization_id, account_id, period_end, "
                                            + "sent_at) select :organization, :person, :end, :now where not exists (select 1 "
                                            + "from credit_statement_sent where organization_id = :organization and "
                                            + "account_id = :person and period_end = :end)")
                            .param("organization", subscription.organizationId())
                            .param("person", subscription.accountId())
                            .param("end", period.to())
                            .param("now", Timestamp.from(clock.instant()))
                            .update();
                    if (recorded == 0) {
                        return false;
                    }
                    var locale = accounts.localeOf(person.get().id());
                    var statement = ledger.statement(organization.get(), period, locale);
                    var link = address.link("/organisations/" + subscription.organizationId() + "/points");
                    var variables = new LinkedHashMap<String, Object>();
                    variables.put("name", person.get().displayName());
                    variables.put("organization", organization.get().name());
                    variables.put("holder", statement.holder().name());
                    variables.put("from", FRENCH_DAY.format(period.from()));
                    variables.put("to", FRENCH_DAY.format(period.to()));
                    variables.put("before", FRENCH_DAY.format(period.from().minusDays(1)));
                    variables.put("opening", statement.opening());
                    variables.put("acquired", statement.acquired());
                    variables.put("consumed", statement.consumedTotal());
                    variables.put(
                            "kinds",
                            statement.consumed().stream()
                                    .map(c -> c.label() + " : " + c.amount())
                                    .collect(Collectors.joining("\n")));
                    variables.put("closing", statement.closing());
                    variables.put("link", link);
                    outbox.enqueue(new OutgoingMail(person.get().email(), locale, "credit-statement", variables)
                            .because(new OutgoingMail.Why("mail.credit-statement.why", link, null)));
                    return true;
                });
                if (Boolean.TRUE.equals(queued)) {
                    sent++;
                }
            } catch (DuplicateKeyException otherNode) {
                // another node sent it between our check and our insert
            }
        }
        return sent;
    }

    List<Frequency> frequencies() {
        return List.of(Frequency.values());
    }
}
