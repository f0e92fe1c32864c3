package fr.guichet.account.erasure;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Anonymisations;
import fr.guichet.account.Links;
import fr.guichet.account.PersonView;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.organization.Organizations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure requests, from the person's asking to a platform administrator's decision. Executing one
 * is the retention job's anonymisation, now: one path erases, whoever starts it.
 */
@Service
class ErasureRequests {

    static final int REASON_MAX = 1000;

    enum Status {
        PENDING,
        EXECUTED,
        REFUSED
    }

    /** A request as its pages show it; {@code person} is what the account holds now (anonymised once executed). */
    record Request(
            long id,
            AccountId account,
            Status status,
            Instant requestedAt,
            @Nullable Instant decidedAt,
            @Nullable String refusalReason) {

        public boolean pending() {
            return status == Status.PENDING;
        }
    }

    /** A pending request on the administrators' page: who asks, and which organisations he still belongs to. */
    record Pending(Request request, PersonView person, List<String> organizations) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Anonymisations anonymisations;
    private final Organizations organizations;
    private final Outbox outbox;
    private final Links links;
    private final Clock clock;

    ErasureRequests(
            JdbcClient jdbc,
            Accounts accounts,
            Anonymisations anonymisations,
            Organizations organizations,
            Outbox outbox,
            Links links,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.anonymisations = anonymisations;
        this.organizations = organizations;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** His latest request, whatever became of it. */
    @Transactional(readOnly = true)
    Optional<Request> latestOf(AccountId person) {
        return jdbc.sql("select * from erasure_request where account_id = ? order by id desc limit 1")
                .param(person.value())
                .query(ErasureRequests::request)
                .optional();
    }

    /**
     * The person asks; the platform administrators are told. A platform administrator may not: he would
     * decide on his own request, and the platform must not lose its administrators this way (another
     * one first takes his right away).
     *
     * @throws ErasureRefusal a platform administrator, or a request already waiting
     */
    @Transactional
    Request request(AccountId person) {
        if (accounts.isPlatformAdmin(person)) {
            throw new ErasureRefusal("erasure.refused.platform-admin");
        }
        if (latestOf(person).filter(Request::pending).isPresent()) {
            throw new ErasureRefusal("erasure.refused.already-pending");
        }
        try {
            jdbc.sql("""
                            insert into erasure_request (account_id, status, requested_at, pending_slot)
                            values (?, 'PENDING', ?, ?)""")
                    .params(person.value(), Timestamp.from(clock.instant()), person.value())
                    .update();
        } catch (DuplicateKeyException twice) {
            throw new ErasureRefusal("erasure.refused.already-pending");
        }
        var asker = accounts.find(person).orElseThrow();
        for (var admin : accounts.recipients(accounts.platformAdmins())) {
            var variables = new HashMap<String, Object>();
            variables.put("person", asker.displayName());
            variables.put("email", asker.email());
            variables.put("link", links.to("/administration/effacements"));
            outbox.enqueue(new OutgoingMail(admin.email(), admin.locale(), "erasure-requested", variables));
        }
        return latestOf(person).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<Pending> pending() {
        return jdbc
                .sql("select * from erasure_request where status = 'PENDING' order by requested_at, id")
                .query(ErasureRequests::request)
                .list()
                .stream()
                .map(r -> new Pending(
                        r,
                        accounts.find(r.account()).orElseThrow(),
                        accounts.organizationsOf(r.account()).stream()
                                .map(o -> organizations
                                        .find(o)
                                        .map(v -> v.label())
                                        .orElse("#" + o.value()))
                                .toList()))
                .toList();
    }

    /**
     * Anonymises the person now, and tells him at the address he had: the notice is written after the
     * anonymisation, so that the mails about him it deletes spare it.
     *
     * @throws ErasureRefusal no such pending request (decided already), or he became a platform administrator
     */
    @Transactional
    void execute(long id, AccountId admin) {
        var request = pendingRequest(id);
        if (accounts.isPlatformAdmin(request.account())) {
            throw new ErasureRefusal("erasure.refused.platform-admin");
        }
        var person = accounts.find(request.account()).orElseThrow();
        var locale = accounts.localeOf(request.account());
        decide(request, Status.EXECUTED, admin, null);
        anonymisations.anonymise(request.account(), admin, request.id());
        var variables = new HashMap<String, Object>();
        variables.put("name", person.displayName());
        outbox.enqueue(new OutgoingMail(person.email(), locale, "erasure-executed", variables));
    }

    /** @throws ErasureRefusal no reason given, or no such pending request */
    @Transactional
    void refuse(long id, AccountId admin, String reason) {
        var why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ErasureRefusal("erasure.refuse.reason-required");
        }
        if (why.length() > REASON_MAX) {
            throw new ErasureRefusal("erasure.refuse.reason-too-long");
        }
        var request = pendingRequest(id);
        decide(request, Status.REFUSED, admin, why);
        var person = accounts.find(request.account()).orElseThrow();
        var variables = new HashMap<String, Object>();
        variables.put("name", person.displayName());
        variables.put("reason", why);
        variables.put("link", links.to("/compte/effacement"));
        outbox.enqueue(
                new OutgoingMail(person.email(), accounts.localeOf(request.account()), "erasure-refused", variables));
    }

    private Request pendingRequest(long id) {
        return jdbc.sql("select * from erasure_request where id = ? and status = 'PENDING' for update")
                .param(id)
                .query(ErasureRequests::request)
                .optional()
                .orElseThrow(() -> new ErasureRefusal("erasure.refused.decided"));
    }

    private void decide(Request request, Status status, AccountId admin, @Nullable String reason) {
        jdbc.sql("""
                        update erasure_request set status = ?, decided_by = ?, decided_at = ?, refusal_reason = ?,
                            pending_slot = null
                        where id = ?""")
                .params(status.name(), admin.value(), Timestamp.from(clock.instant()), reason, request.id())
                .update();
    }

    private static Request request(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var decided = rs.getTimestamp("decided_at");
        return new Request(
                rs.getLong("id"),
                new AccountId(rs.getLong("account_id")),
                Status.valueOf(rs.getString("status")),
                rs.getTimestamp("requested_at").toInstant(),
                decided == null ? null : decided.toInstant(),
                rs.getString("refusal_reason"));
    }
}
