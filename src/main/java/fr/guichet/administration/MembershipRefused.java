package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A declared membership was refused, and so ended; the reason is the one the person was told (empty if none). */
@NamedInterface("events")
public record MembershipRefused(
        AccountId actor, long organizationId, String target, String reason, String sourceAddress, Instant occurredAt)
        implements AdministrationEvent {}
