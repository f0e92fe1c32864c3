package fr.guichet.account.invitations;

import fr.guichet.account.Account;
import fr.guichet.account.Links;
import fr.guichet.account.MembershipNotices;
import fr.guichet.account.Recipient;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.organization.OrganizationView;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells those who decide that a person asks to be associated with their organisation, and the person
 * what became of the membership he declared, in his language: confirmed, he finds his establishment's
 * page; refused, his account page, where he sees what he still belongs to.
 */
@Component
class MembershipVerdicts implements MembershipNotices {

    private final Outbox outbox;
    private final Links links;

    MembershipVerdicts(Outbox outbox, Links links) {
        this.outbox = outbox;
        this.links = links;
    }

    /**
     * One e-mail to each decider, in his own language, with the page where he decides: they may read
     * different languages, and none needs to see who else was told.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void requested(Account account, OrganizationView organization, List<Recipient> deciders) {
        for (var decider : deciders) {
            var variables = new HashMap<String, Object>();
            variables.put("person", account.displayName());
            variables.put("email", account.email().value());
            variables.put("organization", organization.label());
            variables.put(
                    "link", links.to("/organisations/" + organization.id().value() + "/utilisateurs/declarations"));
            outbox.enqueue(new OutgoingMail(decider.email(), decider.locale(), "membership-requested", variables));
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirmed(Account account, OrganizationView organization) {
        var variables = new HashMap<String, Object>();
        variables.put("name", account.displayName());
        variables.put("organization", organization.label());
        variables.put("link", links.to("/mon-etablissement"));
        outbox.enqueue(new OutgoingMail(account.email().value(), account.locale(), "membership-confirmed", variables));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void refused(Account account, OrganizationView organization, @Nullable String reason) {
        var variables = new HashMap<String, Object>();
        variables.put("name", account.displayName());
        variables.put("organization", organization.label());
        variables.put("reason", reason == null || reason.isBlank() ? "" : reason.strip());
        variables.put("link", links.to("/compte"));
        outbox.enqueue(new OutgoingMail(account.email().value(), account.locale(), "membership-refused", variables));
    }
}
