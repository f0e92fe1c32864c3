package fr.guichet.account.invitations;

import fr.guichet.account.Account;
import fr.guichet.account.AccountId;
import fr.guichet.account.AccountProperties;
import fr.guichet.account.AccountRepository;
import fr.guichet.account.Invitations;
import fr.guichet.account.Links;
import fr.guichet.account.Membership;
import fr.guichet.account.events.MembershipStarted;
import fr.guichet.account.registration.LinkToken;
import fr.guichet.account.registration.LinkTokens;
import fr.guichet.account.registration.MailAllowance;
import fr.guichet.account.security.Secrets;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone who already has an account joins another organisation only if he says yes: an admin who
 * types his address sends him an invitation (the admin learns nothing of the account), and the
 * link's owner accepts or declines it. Accepting gives the account a life of its own: leaving
 * that organisation later never disables it. A person the admins created, who never chose his
 * password, is sent the link that activates his account instead.
 */
@Service
class MembershipInvitations implements Invitations {

    /** What the invitation page shows. */
    record Offer(String organization, String invitedBy) {}

    private final MembershipInvitationRepository invitations;
    private final AccountRepository accounts;
    private final Organizations organizations;
    private final Outbox outbox;
    private final Links links;
    private final AccountProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MailAllowance allowance;
    private final LinkTokens linkTokens;

    MembershipInvitations(
            MembershipInvitationRepository invitations,
            AccountRepository accounts,
            Organizations organizations,
            Outbox outbox,
            Links links,
            AccountProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            MailAllowance allowance,
            LinkTokens linkTokens) {
        this.allowance = allowance;
        this.linkTokens = linkTokens;
        this.invitations = invitations;
        this.accounts = accounts;
        this.organizations = organizations;
        this.outbox = outbox;
        this.links = links;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void toActivate(Account account, String invitedBy, Locale locale) {
        var validity = properties.links().invitationValidity();
        var token = linkTokens.issue(account.id(), LinkToken.Purpose.VERIFY_EMAIL, validity, null);
        outbox.enqueue(new OutgoingMail(
                account.email().value(),
                locale,
                "invitation",
                Map.of(
                        "name",
                        account.displayName(),
                        "invitedBy",
                        invitedBy,
                        "link",
                        links.withToken("/activation", token),
                        "days",
                        validity.toDays())));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void toJoin(Account account, OrganizationView organization, AccountId invitedBy, String inviterName) {
        // admins who repeat themselves neither flood the mailbox nor kill the link already sent
        if (!allowance.take(MailAllowance.Kind.INVITATION_TO_JOIN, account.email())) {
            return;
        }
        invitations.deleteOf(account.id().value(), organization.id().value());
        var secret = Secrets.random(32);
        var now = clock.instant();
        var validity = properties.links().invitationValidity();
        invitations.save(new MembershipInvitation(
                account.id().value(),
                organization.id().value(),
                invitedBy == null ? null : invitedBy.value(),
                Secrets.hash(secret),
                now,
                now.plus(validity)));
        outbox.enqueue(new OutgoingMail(
                account.email().value(),
                account.locale(),
                "invitation-to-join",
                Map.of(
                        "name",
                        account.displayName(),
                        "invitedBy",
                        inviterName,
                        "organization",
                        organization.label(),
                        "link",
                        links.withToken("/invitations/rejoindre", secret),
                        "days",
                        validity.toDays())));
    }

    @Transactional(readOnly = true)
    Optional<Offer> peek(String secret) {
        return usable(secret)
                .flatMap(invitation -> organizations
                        .find(new OrganizationId(invitation.organizationId()))
                        .map(organization -> new Offer(
                                organization.label(),
                                invitation.invitedBy() == null
                                        ? ""
                                        : accounts.findById(invitation.invitedBy())
                                                .map(Account::displayName)
                                                .orElse(""))));
    }

    /** True when the link's owner is now a member; false when the link no longer works. */
    @Transactional
    boolean accept(String secret, String sourceAddress) {
        var invitation = usable(secret).filter(i -> invitations.take(i.id()) == 1);
        if (invitation.isEmpty()) {
            return false;
        }
        var organization = new OrganizationId(invitation.get().organizationId());
        var account = accounts.findById(invitation.get().accountId()).orElseThrow();
        account.keepWithoutMembership();
        // someone who had left everything comes back: the link proves the mailbox is still his
        account.reactivate();
        if (!account.isMemberOf(organization.value())) {
            var now = clock.instant();
            account.join(organization.value(), Membership.Status.CONFIRMED, now);
            events.publishEvent(new MembershipStarted(
                    account.id(), account.email().value(), organization.value(), false, sourceAddress, now));
        }
        return true;
    }

    /** Declining leaves nothing behind; false when the link no longer works. */
    @Transactional
    boolean decline(String secret) {
        return usable(secret).filter(i -> invitations.take(i.id()) == 1).isPresent();
    }

    private Optional<MembershipInvitation> usable(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return invitations.findByTokenHash(Secrets.hash(secret)).filter(i -> i.usableAt(clock.instant()));
    }
}
