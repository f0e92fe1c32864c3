package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent registers a whole list for a session. The file is read and checked in the request; its
 * lines are then worked through in the background, each in its own transaction with the line of the
 * report it gives: a refused line never undoes the others, and a person already registered is
 * reported as such, so that running the same file again registers nobody twice.
 */
@Service
class EventImports {

    private static final Logger log = LoggerFactory.getLogger(EventImports.class);
    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final EventAccess access;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final MessageSource messages;
    private final Clock clock;

    EventImports(
            JdbcClient jdbc,
            Registrations registrations,
            EventAccess access,
            Accounts accounts,
            PlatformTransactionManager transactionManager,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            MessageSource messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.access = access;
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Saves the run, then registers its lines in the background; the reasons of the refused lines are
     * written in the importer's {@code locale}. The caller has checked the session is one of the event's.
     */
    long start(AccountId agent, long eventId, long sessionId, List<EventImportFile.Line> lines, Locale locale) {
        var now = clock.instant();
        var key = new GeneratedKeyHolder();
        transactions.executeWithoutResult(tx -> jdbc.sql("""
                        insert into event_import (event_id, session_id, started_by, started_at, total, done)
                        values (:event, :session, :by, :at, :total, 0)""")
                .param("event", eventId)
                .param("session", sessionId)
                .param("by", agent.value())
                .param("at", Timestamp.from(now))
                .param("total", lines.size())
                .update(key, "id"));
        long id = key.getKey().longValue();
        executor.execute(() -> {
            for (var line : lines) {
                process(id, agent, sessionId, line, locale);
            }
            finish(id);
        });
        return id;
    }

    /** The run of this event, with the lines reported so far; 404 for another event's. */
    EventImportRun progress(long eventId, long importId) {
        var run = jdbc.sql("select id, event_id, session_id, total, done, finished_at from event_import"
                        + " where id = :id and event_id = :event")
                .param("id", importId)
                .param("event", eventId)
                .query((rs, n) -> new EventImportRun(
                        rs.getLong("id"),
                        rs.getLong("event_id"),
                        rs.getLong("session_id"),
                        rs.getInt("total"),
                        rs.getInt("done"),
                        rs.getTimestamp("finished_at") != null,
                        List.of()))
                .optional()
                .orElseThrow(NotFoundException::new);
        var lines = jdbc.sql(
                        "select line, email, outcome, reason from event_import_line where import_id = :id order by line")
                .param("id", importId)
                .query((rs, n) -> new EventImportRun.Line(
                        rs.getInt("line"),
                        rs.getString("email"),
                        EventImportRun.Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("reason")))
                .list();
        return new EventImportRun(
                run.id(), run.eventId(), run.sessionId(), run.total(), run.done(), run.finished(), lines);
    }

    private void process(long importId, AccountId agent, long sessionId, EventImportFile.Line line, Locale locale) {
        if (line.email() == null) {
            report(importId, line, EventImportRun.Outcome.REFUSED, text("events.import.no-email", locale));
            return;
        }
        var person = accounts.findByEmail(line.email());
        if (person.isEmpty()) {
            report(importId, line, EventImportRun.Outcome.REFUSED, text("events.refused.unknown-person", locale));
            return;
        }
        try {
            // the registration and its line of the report stand or fall together
            transactions.executeWithoutResult(tx -> {
                var establishments = access.establishmentsOf(person.get().id());
                var outcome = registrations.register(
                        agent,
                        person.get().id(),
                        sessionId,
                        line.note(),
                        establishments.isEmpty() ? null : establishments.get(0).id(),
                        true);
                record(importId, line, reported(outcome.status()), null);
            });
        } catch (EventRefusal refusal) {
            if ("events.refused.already-registered".equals(refusal.messageKey())) {
                report(importId, line, EventImportRun.Outcome.ALREADY, null);
            } else {
                report(
                        importId,
                        line,
                        EventImportRun.Outcome.REFUSED,
                        messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
            }
        } catch (RuntimeException unexpected) {
            log.warn("event import {}: line {} failed", importId, line.number(), unexpected);
            report(importId, line, EventImportRun.Outcome.REFUSED, text("events.import.failed", locale));
        }
    }

    /** An agent's registration gives a place or the waiting list, never a wait for an agreement. */
    private static EventImportRun.Outcome reported(RegistrationStatus status) {
        return switch (status) {
            case CONFIRMED -> EventImportRun.Outcome.CONFIRMED;
            case WAITING -> EventImportRun.Outcome.WAITING;
            default -> throw new IllegalStateException("an agent's registration came to " + status);
        };
    }

    private void report(
            long importId, EventImportFile.Line line, EventImportRun.Outcome outcome, @Nullable String reason) {
        try {
            transactions.executeWithoutResult(tx -> record(importId, line, outcome, reason));
        } catch (RuntimeException unexpected) {
            // the run still ends (finish), with this line missing from its report
            log.warn("event import {}: line {} could not be reported", importId, line.number(), unexpected);
        }
    }

    private void record(
            long importId, EventImportFile.Line line, EventImportRun.Outcome outcome, @Nullable String reason) {
        jdbc.sql("""
                        insert into event_import_line (import_id, line, email, outcome, reason)
                        values (:id, :line, :email, :outcome, :reason)""")
                .param("id", importId)
                .param("line", line.number())
                .param("email", line.email() == null ? null : cut(line.email(), 320))
                .param("outcome", outcome.name())
                .param("reason", reason == null ? null : cut(reason, MAX_REASON))
                .update();
        jdbc.sql("update event_import set done = done + 1 where id = :id")
                .param("id", importId)
                .update();
        // the last line ends the run in its own transaction: the page never shows it all done but running
        jdbc.sql("update event_import set finished_at = :at where id = :id and done >= total and finished_at is null")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", importId)
                .update();
    }

    /** Over even if a line could not be reported: the progress page stops waiting. */
    private void finish(long importId) {
        jdbc.sql("update event_import set finished_at = :at where id = :id and finished_at is null")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", importId)
                .update();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
