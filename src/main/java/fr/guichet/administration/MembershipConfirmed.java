package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A super admin (or whoever manages the organisation's users) vouched for a membership the person had declared. */
@NamedInterface("events")
public record MembershipConfirmed(
        AccountId actor, long organizationId, String target, String sourceAddress, Instant occurredAt)
        implements AdministrationEvent {}
