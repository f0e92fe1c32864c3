package fr.guichet.connect;

import fr.guichet.access.AccessAccepted;
import fr.guichet.access.AccessEvent;
import fr.guichet.access.AccessRevoked;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceId;
import fr.guichet.account.AccountId;
import fr.guichet.administration.Delegation;
import fr.guichet.administration.ServiceRolesChanged;
import fr.guichet.organization.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a webhook delivery for every grant given or revoked and every change of a person's roles, for
 * the connected service concerned when it has a webhook address. Synchronously, in the transaction of
 * the change: the change and its delivery are committed together or not at all (the outbox), and
 * {@link WebhookDispatcher} sends it afterwards, at least once.
 */
@Component
class Webhooks {

    // the types a connected service reads (docs/connected-services.md), written from their parts:
    // roles.changed is not a message of the bundle, whose keys also start with roles.
    static final String GRANT_GIVEN = String.join(".", "grant", "given");
    static final String GRANT_REVOKED = String.join(".", "grant", "revoked");
    static final String ROLES_CHANGED = String.join(".", "roles", "changed");

    private final ConnectedServiceRepository connected;
    private final WebhookDeliveryRepository deliveries;
    private final ServiceCatalogue catalogue;
    private final Delegation delegation;
    private final ObjectMapper json;
    private final Clock clock;

    Webhooks(
            ConnectedServiceRepository connected,
            WebhookDeliveryRepository deliveries,
            ServiceCatalogue catalogue,
            Delegation delegation,
            ObjectMapper json,
            Clock clock) {
        this.connected = connected;
        this.deliveries = deliveries;
        this.catalogue = catalogue;
        this.delegation = delegation;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(AccessEvent event) {
        var given = event instanceof AccessAccepted;
        if (!given && !(event instanceof AccessRevoked)) {
            return;
        }
        var grant = catalogue.request(event.request()).orElse(null);
        if (grant == null) {
            return;
        }
        var grantData = new LinkedHashMap<String, Object>();
        grantData.put("id", String.valueOf(grant.id().value()));
        if (given) {
            grantData.put("since", (grant.decidedAt() == null ? event.occurredAt() : grant.decidedAt()).toString());
        } else {
            grantData.put("until", event.occurredAt().toString());
        }
        var organization = grant.establishmentId() == null ? null : new OrganizationId(grant.establishmentId());
        write(
                grant.service(),
                given ? GRANT_GIVEN : GRANT_REVOKED,
                grant.requester(),
                organization,
                Map.of("grant", grantData),
                event.occurredAt());
    }

    @EventListener
    void on(ServiceRolesChanged changed) {
        catalogue.all().stream()
                .filter(s -> s.code().equals(changed.serviceCode()))
                .findFirst()
                .ifPresent(service -> {
                    var organization = new OrganizationId(changed.organizationId());
                    var roles = delegation.rolesOf(changed.person(), organization, changed.serviceCode());
                    write(
                            service.id(),
                            ROLES_CHANGED,
                            changed.person(),
                            organization,
                            Map.of("roles", roles.stream().toList()),
                            changed.occurredAt());
                });
    }

    private void write(
            ServiceId service,
            String type,
            AccountId person,
            @Nullable OrganizationId organization,
            Map<String, Object> details,
            Instant occurredAt) {
        var target = connected
                .findByServiceId(service.value())
                .filter(c -> c.enabled() && c.webhookUrl() != null)
                .orElse(null);
        if (target == null) {
            return;
        }
        var id = UUID.randomUUID().toString();
        var event = new LinkedHashMap<String, Object>();
        event.put("id", id);
        event.put("type", type);
        event.put("occurredAt", occurredAt.toString());
        event.put("client_id", target.clientId());
        // the person as the service knows him: the sub of his ID tokens
        event.put("sub", String.valueOf(person.value()));
        if (organization != null) {
            event.put("organization", Map.of("id", String.valueOf(organization.value())));
        }
        event.putAll(details);
        deliveries.save(new WebhookDelivery(id, target.id(), type, json.writeValueAsString(event), clock.instant()));
    }
}
