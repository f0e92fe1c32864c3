package fr.guichet.helpdesk.tickets.attachments;

import fr.guichet.account.AccountId;
import fr.guichet.documents.FileStore;
import fr.guichet.documents.StoredFile;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TransitionRefused;
import fr.guichet.helpdesk.tickets.Tickets;
import fr.guichet.shared.CleanText;
import fr.guichet.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files attached to a ticket, on the form and at any time while it is open: stored
 * by the documents module's {@link FileStore} (size checked while streaming, type from the bytes),
 * seen only by those who see the ticket: its requester side, its agents, the contractor it is
 * handed to; anyone else gets 404.
 */
@Component
public class TicketAttachments {

    /** An attachment as the ticket page lists it. */
    public record Attachment(long id, String fileName, String contentType, long size, Instant uploadedAt) {}

    /** What a download streams. */
    public record Download(String fileName, String contentType, long size, String sha256, InputStream content) {}

    private final Tickets tickets;
    private final FileStore files;
    private final HelpdeskProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TicketAttachments(
            Tickets tickets,
            FileStore files,
            HelpdeskProperties properties,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.tickets = tickets;
        this.files = files;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stores first (outside any transaction: a large upload holds no connection), then records; a failed record deletes the file. */
    public long attach(AccountId person, TicketId ticket, String fileName, InputStream content) throws IOException {
        var view = tickets.find(person, ticket);
        var roles = tickets.rolesOf(person, ticket);
        if (!view.state().status().open()) {
            throw new TransitionRefused("helpdesk.transition.closed");
        }
        if (!roles.contains(Actor.REQUESTER) && !roles.contains(Actor.AGENT)) {
            throw new TransitionRefused("helpdesk.transition.not-allowed");
        }
        return record(person, ticket, fileName, stage(content, fileName));
    }

    /** The file stored, not yet attached: the filing form stores it before the ticket exists, so a refused file saves nothing. */
    public StoredFile stage(InputStream content, String fileName) throws IOException {
        return files.store(content, fileName, properties.limits());
    }

    public void discard(StoredFile stored) {
        files.delete(stored.key());
    }

    /** Files a ticket and records its staged file in one transaction: no ticket without the file it was filed with. */
    public TicketId fileWith(Supplier<TicketId> filing, AccountId person, String fileName, StoredFile staged) {
        return transactions.execute(tx -> {
            var id = filing.get();
            if (staged != null) {
                record(person, id, fileName, staged);
            }
            return id;
        });
    }

    /** Attaches a staged file; if that fails, the file is deleted. */
    long record(AccountId person, TicketId ticket, String fileName, StoredFile stored) {
        try {
            return transactions.execute(tx -> {
                var key = new GeneratedKeyHolder();
                jdbc.sql("""
                                insert into ticket_attachment (ticket_id, file_name, content_type, size_bytes, sha256, storage_key,
                                    uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                ticket.value(),
                                safeName(fileName),
                                stored.contentType(),
                                stored.size(),
                                stored.sha256(),
                                stored.key(),
                                person.value(),
                                Timestamp.from(clock.instant()))
                        .update(key, "id");
                return key.getKey().longValue();
            });
        } catch (RuntimeException e) {
            files.delete(stored.key());
            throw e;
        }
    }

    public List<Attachment> list(AccountId person, TicketId ticket) {
        tickets.find(person, ticket);
        return of(ticket);
    }

    /** For a ticket whose visibility the caller already checked. */
    public List<Attachment> of(TicketId ticket) {
        return jdbc.sql(
                        "select id, file_name, content_type, size_bytes, uploaded_at from ticket_attachment where ticket_id = ? order by id")
                .param(ticket.value())
                .query((rs, n) -> new Attachment(
                        rs.getLong(1),
                        safeName(rs.getString(2)),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public Download open(AccountId person, TicketId ticket, long attachment) throws IOException {
        tickets.find(person, ticket);
        var row = jdbc.sql(
                        "select file_name, content_type, size_bytes, sha256, storage_key from ticket_attachment where id = ? and ticket_id = ?")
                .params(attachment, ticket.value())
                .query((rs, n) -> new String[] {
                    rs.getString(1), rs.getString(2), String.valueOf(rs.getLong(3)), rs.getString(4), rs.getString(5)
                })
                .optional()
                .orElseThrow(NotFoundException::new);
        return new Download(safeName(row[0]), row[1], Long.parseLong(row[2]), row[3], files.open(row[4]));
    }

    /**
     * The name for Content-Disposition: no path, no control or invisible format characters, at most
     * 255 characters. Made twice, it is the same name: names stored before format characters were
     * left out are made safe again as they are read.
     */
    static String safeName(String name) {
        var base = name == null ? "fichier" : name.replace('\\', '/');
        base = CleanText.line(base.substring(base.lastIndexOf('/') + 1))
                .replace('"', '_')
                .strip();
        if (base.isEmpty()) {
            base = "fichier";
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }
}
