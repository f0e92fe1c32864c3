package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * An admin chose how a person signs in: by password, or by the certificate the details describe
 * ("CERTIFICATE sha256=… subject=… notAfter=…"), so that the trail says which one was let in.
 */
@NamedInterface("events")
public record AuthenticationChanged(
        AccountId actor, long organizationId, String target, String details, String sourceAddress, Instant occurredAt)
        implements AdministrationEvent {}
