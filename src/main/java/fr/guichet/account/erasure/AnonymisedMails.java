package fr.guichet.account.erasure;

import fr.guichet.account.AccountAnonymised;
import fr.guichet.notification.AnonymisedRecipients;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The outbox knows addresses, not accounts, and depends on no module: the account's side tells it
 * whose mails to forget, whether the retention job or an erasure request anonymised him.
 */
@Component
class AnonymisedMails {

    private final AnonymisedRecipients recipients;

    AnonymisedMails(AnonymisedRecipients recipients) {
        this.recipients = recipients;
    }

    @ApplicationModuleListener
    void on(AccountAnonymised event) {
        recipients.forget(
                event.account().value(),
                event.formerEmail(),
                event.formerNames(),
                event.placeholderEmail(),
                event.placeholderName(),
                event.occurredAt());
    }
}
