package fr.guichet.notification;

import java.util.List;

/** Hands one message, with its files (usually none), to whatever delivers it; throws when it could not. */
interface MailTransport {

    void deliver(OutboxMessage message, List<MailAttachment> attachments) throws Exception;
}
