package fr.guichet.audit;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Why an entry could be written twice, and why it no longer is. Every audit listener is an
 * {@code @ApplicationModuleListener}: asynchronous, after the commit of the act, in a transaction of
 * its own, with the publication held in the JDBC event publication registry. Spring Modulith 2.1
 * marks the publication completed in {@code CompletionRegisteringAdvisor}, an interceptor ordered
 * {@code HIGHEST_PRECEDENCE + 10}, so outside the listener's transaction interceptor: the listener's
 * transaction commits first, then {@code DefaultEventPublicationRegistry.markCompleted} runs in a
 * transaction of its own ({@code REQUIRES_NEW}). A node that dies between the two commits leaves the
 * entry written and the publication incomplete; at restart
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}), or when another node
 * resubmits incomplete publications, the listener runs again on the same event.
 *
 * <p>The same event gives the same entry, hence the same {@link AuditEntry#replayKey()}; the unique
 * index on it keeps one. The look-up first spares the database an error in the usual replay; two
 * deliveries at once (a node replaying what another is still writing) both pass it, and the second
 * insert then breaks the index: it does so inside a savepoint, so the listener's transaction goes on,
 * commits, and the publication is marked completed. Two different events that would write the very
 * same entry at the same microsecond are one entry: the registry itself tells publications apart by
 * their listener and serialised event when it completes one it no longer holds in memory.
 */
class AuditAppendImpl implements AuditAppend {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    AuditAppendImpl(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public AuditEntry save(AuditEntry entry) {
        if (written(entry)) {
            return entry;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            insertOnce(entry);
            return entry;
        }
        // the transaction manager allows no nested transaction: the savepoint is taken on the
        // transaction's own connection, the one JdbcClient writes on
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            var savepoint = connection.setSavepoint();
            if (insertOnce(entry)) {
                connection.releaseSavepoint(savepoint);
            } else {
                connection.rollback(savepoint);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit entry not written", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return entry;
    }

    /** False when another delivery of the same event wrote it meanwhile: its entry is the one kept. */
    private boolean insertOnce(AuditEntry entry) {
        try {
            insert(entry);
            return true;
        } catch (DuplicateKeyException writtenMeanwhile) {
            return false;
        }
    }

    private boolean written(AuditEntry entry) {
        return jdbc.sql("select count(*) from audit_entry where replay_key = ?")
                        .param(entry.replayKey())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void insert(AuditEntry entry) {
        jdbc.sql("""
                        insert into audit_entry (occurred_at, action, actor_account_id, acting_organization_id,
                                                 target, source_address, details, replay_key)
                        values (:at, :action, :actor, :organization, :target, :address, :details, :key)""")
                .param("at", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                .param("action", entry.action())
                .param("actor", entry.actorAccountId())
                .param("organization", entry.actingOrganizationId())
                .param("target", entry.target())
                .param("address", entry.sourceAddress())
                .param("details", entry.details())
                .param("key", entry.replayKey())
                .update();
    }
}
