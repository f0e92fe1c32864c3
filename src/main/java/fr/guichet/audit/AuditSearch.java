package fr.guichet.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trail read page by page, newest first, through its filters. Pages are cut on the entry's id
 * (keyset), not on an offset: the ten-thousandth page costs what the first does, and an entry written
 * meanwhile does not shift the next page.
 */
@Component
class AuditSearch {

    /** Who searches where: the organisations he may read (null: the agency, every entry). */
    record Scope(@Nullable Collection<Long> organizations) {
        static Scope agency() {
            return new Scope(null);
        }
    }

    /** What the filters ask once resolved against the scope: the people and organisations the words name. */
    record Criteria(
            @Nullable String words,
            Collection<Long> actorsNamed,
            @Nullable String action,
            @Nullable Instant from,
            @Nullable Instant until,
            @Nullable Collection<Long> organizations) {}

    record Row(
            long id,
            Instant occurredAt,
            String action,
            @Nullable Long actor,
            @Nullable Long organization,
            @Nullable String target,
            @Nullable String sourceAddress,
            @Nullable String details) {}

    /** A page, newest first; whether entries are older than its last, newer than its first. */
    record Page(List<Row> rows, boolean older, boolean newer) {}

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page page(Scope scope, Criteria criteria, @Nullable Long before, @Nullable Long after, int size) {
        if (after != null) {
            var rows = new ArrayList<>(rows(scope, criteria, null, after, size + 1));
            var newer = rows.size() > size;
            if (newer) {
                rows.remove(rows.size() - 1);
            }
            Collections.reverse(rows);
            return new Page(rows, !rows.isEmpty(), newer);
        }
        var rows = new ArrayList<>(rows(scope, criteria, before, null, size + 1));
        var older = rows.size() > size;
        if (older) {
            rows.remove(rows.size() - 1);
        }
        var newer = before != null
                && !rows.isEmpty()
                && !rows(scope, criteria, null, rows.get(0).id(), 1).isEmpty();
        return new Page(rows, older, newer);
    }

    /** Every entry the filters keep, newest first, a batch at a time: neither the database nor the memory holds them all. */
    void each(Scope scope, Criteria criteria, int batch, Consumer<List<Row>> consumer) {
        Long before = null;
        while (true) {
            var rows = rows(scope, criteria, before, null, batch);
            if (rows.isEmpty()) {
                return;
            }
            consumer.accept(rows);
            if (rows.size() < batch) {
                return;
            }
            before = rows.get(rows.size() - 1).id();
        }
    }

    private List<Row> rows(Scope scope, Criteria criteria, @Nullable Long before, @Nullable Long after, int limit) {
        if ((scope.organizations() != null && scope.organizations().isEmpty())
                || (criteria.organizations() != null && criteria.organizations().isEmpty())) {
            return List.of();
        }
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (scope.organizations() != null) {
            where.add("acting_organization_id in (:scope)");
            params.put("scope", scope.organizations());
        }
        if (criteria.organizations() != null) {
            where.add("acting_organization_id in (:chosen)");
            params.put("chosen", criteria.organizations());
        }
        if (criteria.action() != null) {
            where.add("action = :action");
            params.put("action", criteria.action());
        }
        if (criteria.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(criteria.from(), ZoneOffset.UTC));
        }
        if (criteria.until() != null) {
            where.add("occurred_at < :until");
            params.put("until", OffsetDateTime.ofInstant(criteria.until(), ZoneOffset.UTC));
        }
        if (criteria.words() != null) {
            var text = "lower(target) like :words escape '\\' or lower(details) like :words escape '\\'";
            if (!criteria.actorsNamed().isEmpty()) {
                text += " or actor_account_id in (:actors)";
                params.put("actors", criteria.actorsNamed());
            }
            where.add("(" + text + ")");
            params.put("words", "%" + escapeLike(criteria.words()) + "%");
        }
        if (before != null) {
            where.add("id < :before");
            params.put("before", before);
        }
        if (after != null) {
            where.add("id > :after");
            params.put("after", after);
        }
        var sql = "select id, occurred_at, action, actor_account_id, acting_organization_id, target, source_address,"
                + " details from audit_entry"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by id " + (after != null ? "asc" : "desc")
                + " fetch first " + limit + " rows only";
        return jdbc.sql(sql).params(params).query(AuditSearch::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("action"),
                rs.getObject("actor_account_id", Long.class),
                rs.getObject("acting_organization_id", Long.class),
                rs.getString("target"),
                rs.getString("source_address"),
                rs.getString("details"));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
