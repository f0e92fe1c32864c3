package fr.guichet.federation;

import fr.guichet.account.Accounts;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.shared.PublicAddress;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A new way into an account, or one fewer, is told to its holder at once, whatever his alerts: an
 * identity tied by its address at a first sign-in is one he did not choose himself. A new account's
 * own identity is no news to him.
 */
@Component
class IdentityMails {

    private final Accounts accounts;
    private final IdentityProviders providers;
    private final Outbox outbox;
    private final PublicAddress address;

    IdentityMails(Accounts accounts, IdentityProviders providers, Outbox outbox, PublicAddress address) {
        this.accounts = accounts;
        this.providers = providers;
        this.outbox = outbox;
        this.address = address;
    }

    @ApplicationModuleListener
    void on(IdentityLinked linked) {
        if (linked.how() != IdentityLinked.How.NEW_ACCOUNT) {
            tell(linked, linked.providerId(), "identity-linked");
        }
    }

    @ApplicationModuleListener
    void on(IdentityUnlinked unlinked) {
        tell(unlinked, unlinked.providerId(), "identity-unlinked");
    }

    private void tell(FederationEvent event, long providerId, String template) {
        var person = accounts.find(event.actor()).orElse(null);
        if (person == null || !person.active()) {
            return;
        }
        var provider = providers.find(providerId).map(ProviderView::name).orElse("?");
        outbox.enqueue(new OutgoingMail(
                person.email(),
                accounts.localeOf(person.id()),
                template,
                Map.of(
                        "name", person.displayName(),
                        "provider", provider,
                        "link", address.link("/compte/identites"))));
    }
}
