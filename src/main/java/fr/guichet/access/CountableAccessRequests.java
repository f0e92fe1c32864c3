package fr.guichet.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The access requests' countable facts, read straight from their table for a recount. */
@Service
class CountableAccessRequests implements AccessRequestFacts {

    private static final String COLUMNS =
            "select id, establishment_id, requested_at, status, decided_at, decided_by from access_request";

    private final JdbcClient jdbc;

    CountableAccessRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Fact> find(AccessRequestId id) {
        return jdbc.sql(COLUMNS + " where id = ?")
                .param(id.value())
                .query((rs, n) -> fact(rs))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Fact> after(long lastId, int limit) {
        return jdbc.sql(COLUMNS + " where id > ? order by id limit ?")
                .params(lastId, limit)
                .query((rs, n) -> fact(rs))
                .list();
    }

    private static Fact fact(ResultSet rs) throws SQLException {
        var status = AccessStatus.valueOf(rs.getString("status"));
        var decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        // a revoked grant was a grant; a decision leaves a decided_at, a cancelled request none
        var granted = decidedAt != null && (status == AccessStatus.ACCEPTED || status == AccessStatus.REVOKED);
        return new Fact(
                new AccessRequestId(rs.getLong("id")),
                rs.getObject("establishment_id", Long.class),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                status,
                granted,
                rs.getObject("decided_by", Long.class) != null,
                decidedAt == null ? null : decidedAt.toInstant());
    }
}
