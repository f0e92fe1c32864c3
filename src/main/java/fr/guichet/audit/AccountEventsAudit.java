package fr.guichet.audit;

import fr.guichet.account.SignInMethod;
import fr.guichet.account.events.AccountEvent;
import fr.guichet.account.events.AccountRegistered;
import fr.guichet.account.events.CertificateSignInFailed;
import fr.guichet.account.events.EmailChanged;
import fr.guichet.account.events.MembershipLeft;
import fr.guichet.account.events.MembershipRequested;
import fr.guichet.account.events.SignInFailed;
import fr.guichet.account.events.SignInSucceeded;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes account events to the trail. Runs after the commit of the change, through the event
 * publication registry: an entry whose writing failed is retried at restart.
 */
@Component
class AccountEventsAudit {

    private final AuditTrail trail;

    AccountEventsAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(AccountEvent event) {
        var actor = event.account() == null ? null : event.account().value();
        trail.save(new AuditEntry(
                event.occurredAt(),
                AuditActions.of(event),
                actor,
                organizationOf(event),
                event.target(),
                event.sourceAddress(),
                details(event)));
    }

    /** A person's own act on one of his memberships: the organisation's administrators read it in its log. */
    private static @Nullable Long organizationOf(AccountEvent event) {
        if (event instanceof MembershipRequested requested) {
            return requested.organizationId();
        }
        if (event instanceof MembershipLeft left) {
            return left.organizationId();
        }
        return null;
    }

    private static @Nullable String details(AccountEvent event) {
        if (event instanceof MembershipRequested requested) {
            return "organization=" + requested.organizationId() + " declared";
        }
        if (event instanceof MembershipLeft left) {
            return "organization=" + left.organizationId() + (left.withdrawn() ? " withdrawn" : " left");
        }
        if (event instanceof AccountRegistered registered && registered.organizationId() != null) {
            return "organization=" + registered.organizationId()
                    + (registered.membershipConfirmed() ? " confirmed" : " declared");
        }
        if (event instanceof EmailChanged changed) {
            return "new=" + changed.newEmail();
        }
        if (event instanceof SignInSucceeded succeeded && succeeded.method() != SignInMethod.PASSWORD) {
            return "via=" + succeeded.method();
        }
        if (event instanceof CertificateSignInFailed failed) {
            return "reason=" + failed.reason() + (failed.sha256() == null ? "" : " sha256=" + failed.sha256());
        }
        if (event instanceof SignInFailed failed && failed.throttled()) {
            return "throttled";
        }
        return null;
    }
}
