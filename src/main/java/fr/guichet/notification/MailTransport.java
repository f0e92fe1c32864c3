package fr.guichet.notification;

/** Hands one message to whatever delivers it; throws when it could not. */
interface MailTransport {

    void deliver(OutboxMessage message) throws Exception;
}
