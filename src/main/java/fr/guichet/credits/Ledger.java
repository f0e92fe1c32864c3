package fr.guichet.credits;

import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one write path of the credits ledger, and what is read from it. A movement is only ever
 * added: a mistake is undone by a counter-movement that names it. Which movements make a balance
 * depends on the tree: one balance for the whole establishment (the default), or one per
 * organisation.
 */
@Service
public class Ledger {

    /** What the ledger says back to a poster: the movement, and whether this call recorded it. */
    public record Posted(Movement movement, boolean created) {}

    /** A kind of consumption, named in the reader's language. */
    public record Kind(String code, String label) {}

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Organizations organizations, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Today in the agency’s time zone: the calendar of statements and balances. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Records a movement once per poster's reference: the same one posted again (a retry) is
     * answered with what was recorded; another one under a used reference is refused.
     */
    public Posted post(OrganizationId organizationId, NewMovement movement, String origin) {
        var organization = organizations.find(organizationId).orElseThrow(NotFoundException::new);
        var problems = movement.problems(kindCodes(), today());
        if (!problems.isEmpty()) {
            throw CreditsRefusal.of(problems);
        }
        var earlier = find(origin, movement.ref());
        if (earlier.isPresent()) {
            return answer(earlier.get(), movement);
        }
        try {
            var id = transaction.execute(status -> insert(organization, movement, origin));
            return new Posted(find(id), true);
        } catch (DuplicateKeyException raced) {
            // the same reference posted at the same moment: the other call recorded it
            return answer(find(origin, movement.ref()).orElseThrow(() -> raced), movement);
        }
    }

    private Posted answer(Movement recorded, NewMovement posted) {
        if (!recorded.sameAs(posted) && posted.correctsRef() == null) {
            throw CreditsRefusal.of(List.of("credits.error.ref-used"));
        }
        return new Posted(recorded, false);
    }

    private Long insert(OrganizationView organization, NewMovement movement, String origin) {
        if (movement.correctsRef() == null) {
            return insertRow(organization, movement, movement.kindCode(), origin, null);
        }
        var corrected = find(origin, movement.correctsRef())
                .filter(m -> m.organizationId() == organization.id().value())
                .orElseThrow(() -> CreditsRefusal.of(List.of("credits.error.corrects")));
        if (movement.direction() != corrected.direction().opposite() || movement.amount() > corrected.amount()) {
            throw CreditsRefusal.of(List.of("credits.error.correction"));
        }
        if (corrected.correctsId() != null || isCorrected(corrected.id())) {
            throw CreditsRefusal.of(List.of("credits.error.already-corrected"));
        }
        return insertRow(organization, movement, corrected.kindCode(), origin, corrected.id());
    }

    /** An agent's counter-movement: it names what it undoes, and carries its kind. */
    Movement counter(OrganizationView organization, Movement corrected, NewMovement movement, String origin) {
        return find(insertRow(organization, movement, corrected.kindCode(), origin, corrected.id()));
    }

    boolean isCorrected(long id) {
        return jdbc.sql("select count(*) from credit_movement where corrects_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Long insertRow(
            OrganizationView organization,
            NewMovement movement,
            @Nullable String kind,
            String origin,
            @Nullable Long corrects) {
        jdbc.sql("""
                        insert into credit_movement (organization_id, establishment_id, direction, amount, kind_code,
                            occurred_on, recorded_at, origin, origin_ref, reason, corrects_id)
                        values (:organization, :establishment, :direction, :amount, :kind, :day, :now, :origin, :ref,
                            :reason, :corrects)
                        """)
                .param("organization", organization.id().value())
                .param("establishment", organization.establishmentId().value())
                .param("direction", movement.direction().name())
                .param("amount", movement.amount())
                .param("kind", kind)
                .param("day", movement.occurredOn())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("origin", origin)
                .param("ref", movement.ref())
                .param("reason", movement.reason())
                .param("corrects", corrects)
                .update();
        return lastId(origin, movement.ref());
    }

    private Long lastId(String origin, String ref) {
        return jdbc.sql("select id from credit_movement where origin = :origin and origin_ref = :ref")
                .param("origin", origin)
                .param("ref", ref)
                .query(Long.class)
                .single();
    }

    Optional<Movement> find(String origin, String ref) {
        return jdbc.sql("select * from credit_movement where origin = :origin and origin_ref = :ref")
                .param("origin", origin)
                .param("ref", ref)
                .query(Ledger::movement)
                .optional();
    }

    Movement find(long id) {
        return jdbc.sql("select * from credit_movement where id = :id")
                .param("id", id)
                .query(Ledger::movement)
                .single();
    }

    Optional<Movement> findIn(OrganizationId organization, long id) {
        return jdbc.sql("select * from credit_movement where id = :id and organization_id = :organization")
                .param("id", id)
                .param("organization", organization.value())
                .query(Ledger::movement)
                .optional();
    }

    Set<String> kindCodes() {
        return Set.copyOf(
                jdbc.sql("select code from credit_kind").query(String.class).list());
    }

    public List<Kind> kinds(Locale locale) {
        var column = "en".equals(locale.getLanguage()) ? "label_en" : "label_fr";
        return jdbc.sql("select code, " + column + " from credit_kind order by position, code")
                .query((rs, n) -> new Kind(rs.getString(1), rs.getString(2)))
                .list();
    }

    // ---- what balances are made of ----

    /** Whether the organisation's sub-organisations each keep a balance of their own. */
    @Transactional(readOnly = true)
    public boolean separateBalances(OrganizationId establishment) {
        return jdbc.sql("select separate from credit_tree_setting where establishment_id = :id")
                .param("id", establishment.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Transactional
    void setSeparateBalances(OrganizationId establishment, boolean separate) {
        var changed = jdbc.sql("update credit_tree_setting set separate = :separate where establishment_id = :id")
                .param("separate", separate)
                .param("id", establishment.value())
                .update();
        if (changed == 0) {
            jdbc.sql("insert into credit_tree_setting (establishment_id, separate) values (:id, :separate)")
                    .param("separate", separate)
                    .param("id", establishment.value())
                    .update();
        }
    }

    /** The organisation whose balance this one draws on: itself, or its establishment for a shared tree. */
    public OrganizationView holderOf(OrganizationView organization) {
        if (organization.establishment() || separateBalances(organization.establishmentId())) {
            return organization;
        }
        return organizations.find(organization.establishmentId()).orElse(organization);
    }

    /** The SQL condition and its value that pick the movements of a holder's balance. */
    private record Scope(String condition, long id) {}

    private Scope scope(OrganizationView holder) {
        return holder.establishment() && !separateBalances(holder.id())
                ? new Scope("establishment_id = :holder", holder.id().value())
                : new Scope("organization_id = :holder", holder.id().value());
    }

    /** The balance of what the organisation draws on, at the end of that day. */
    @Transactional(readOnly = true)
    public long balanceAt(OrganizationView organization, LocalDate day) {
        var scope = scope(holderOf(organization));
        return jdbc.sql("select coalesce(sum(case when direction = 'CREDIT' then amount else -amount end), 0) "
                        + "from credit_movement where " + scope.condition() + " and occurred_on <= :day")
                .param("holder", scope.id())
                .param("day", day)
                .query(Long.class)
                .single();
    }

    /** The statement of a period, laid out as supervisors read it. */
    @Transactional(readOnly = true)
    public Statement statement(OrganizationView organization, StatementPeriod period, Locale locale) {
        var holder = holderOf(organization);
        var scope = scope(holder);
        var opening = balanceAt(holder, period.from().minusDays(1));
        // a movement with a kind is a consumption (or its correction), one without an acquisition (or its)
        var sums = new LinkedHashMap<String, Long>();
        jdbc.sql("select coalesce(kind_code, ''), sum(case when direction = 'CREDIT' then amount else -amount end) "
                        + "from credit_movement where " + scope.condition()
                        + " and occurred_on between :from and :to group by coalesce(kind_code, '')")
                .param("holder", scope.id())
                .param("from", period.from())
                .param("to", period.to())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> sums.put(e.getKey(), e.getValue()));
        var acquired = sums.getOrDefault("", 0L);
        var consumed = kinds(locale).stream()
                .map(k -> new Statement.Consumption(k.code(), k.label(), -sums.getOrDefault(k.code(), 0L)))
                .toList();
        var movements = jdbc.sql("select * from credit_movement where " + scope.condition()
                        + " and occurred_on between :from and :to order by occurred_on desc, id desc limit "
                        + (Statement.MOVEMENTS_SHOWN + 1))
                .param("holder", scope.id())
                .param("from", period.from())
                .param("to", period.to())
                .query(Ledger::movement)
                .list();
        return new Statement(holder, period, opening, acquired, consumed, movements);
    }

    /** Every establishment's balance today, for the agency. */
    @Transactional(readOnly = true)
    Map<Long, Long> establishmentBalances() {
        return jdbc
                .sql("select establishment_id, sum(case when direction = 'CREDIT' then amount else -amount end) "
                        + "from credit_movement group by establishment_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Movement movement(ResultSet rs, int row) throws SQLException {
        return new Movement(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                Direction.valueOf(rs.getString("direction")),
                rs.getLong("amount"),
                rs.getString("kind_code"),
                rs.getObject("occurred_on", LocalDate.class),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("origin"),
                rs.getString("origin_ref"),
                rs.getString("reason"),
                nullableLong(rs, "corrects_id"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        var value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
