package fr.guichet.notification;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files of outbox messages, in a table of their own: the dispatcher reads them only when it
 * sends, the mailbox page lists them without their bytes, and a deleted message takes them along
 * (on delete cascade).
 */
@Component
class OutboxAttachments {

    /** A file as the mailbox page lists it, without its bytes. */
    record Listed(long id, long messageId, String fileName, String contentType, long size) {}

    private final JdbcClient jdbc;

    OutboxAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the transaction that writes the message: both are kept or neither. */
    void save(long messageId, List<MailAttachment> attachments) {
        for (var position = 0; position < attachments.size(); position++) {
            var file = attachments.get(position);
            jdbc.sql("""
                            insert into outbox_attachment (message_id, position, file_name, content_type, content)
                            values (?, ?, ?, ?, ?)""")
                    .params(messageId, position, file.fileName(), file.contentType(), file.content())
                    .update();
        }
    }

    /** The message's files, in the order they were given. */
    List<MailAttachment> of(long messageId) {
        return jdbc.sql("""
                        select file_name, content_type, content from outbox_attachment
                        where message_id = ? order by position""")
                .param(messageId)
                .query((rs, row) -> new MailAttachment(
                        rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .list();
    }

    /** The files of these messages, each message's in order. */
    List<Listed> listed(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, message_id, file_name, content_type, octet_length(content) as size
                        from outbox_attachment where message_id in (:messages) order by message_id, position""").param("messages", messageIds).query(Listed.class).list();
    }

    Optional<MailAttachment> find(long id) {
        return jdbc.sql("select file_name, content_type, content from outbox_attachment where id = ?")
                .param(id)
                .query((rs, row) -> new MailAttachment(
                        rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }
}
