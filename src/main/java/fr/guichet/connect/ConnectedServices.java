package fr.guichet.connect;

import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceId;
import fr.guichet.access.ServiceView;
import fr.guichet.account.AccountId;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform admins' acts on connected services: register a catalogue service as an OIDC client,
 * give it new secrets, disable it. Each act is one transaction (the client and the row that ties it
 * to its service are saved together or not at all) and one audited event.
 */
@Service
class ConnectedServices {

    /** Short: a connected service reads roles again at each refresh, and a revoked grant stops there. */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);

    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofHours(8);

    /** What a platform admin is shown once, and never again: only hashes (and the signing copy) are kept. */
    record Secrets(String clientId, String clientSecret, String webhookSecret) {}

    /** A catalogue service and, once registered, its client. */
    record Row(ServiceView service, @Nullable Client client) {}

    record Client(
            String clientId,
            boolean enabled,
            Set<String> redirectUris,
            Set<String> postLogoutRedirectUris,
            Set<String> scopes,
            @Nullable String webhookUrl,
            Instant createdAt) {}

    private final ServiceCatalogue catalogue;
    private final ConnectedServiceRepository connected;
    private final EnabledClients clients;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConnectedServices(
            ServiceCatalogue catalogue,
            ConnectedServiceRepository connected,
            EnabledClients clients,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalogue = catalogue;
        this.connected = connected;
        this.clients = clients;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Row> overview() {
        Map<Long, ConnectedService> byService = connected.findAll().stream()
                .collect(Collectors.toMap(ConnectedService::serviceId, Function.identity()));
        return catalogue.all().stream()
                .map(s -> new Row(s, client(byService.get(s.id().value()))))
                .toList();
    }

    @Transactional(readOnly = true)
    Row find(ServiceId id) {
        var service = catalogue.find(id).orElseThrow(NotFoundException::new);
        return new Row(service, client(connected.findByServiceId(id.value()).orElse(null)));
    }

    @Transactional
    Secrets register(AccountId actor, ServiceId serviceId, ClientForm form, String sourceAddress) {
        var service = catalogue.find(serviceId).orElseThrow(NotFoundException::new);
        if (connected.findByServiceId(serviceId.value()).isPresent()) {
            throw new ConnectRefusal("connect.already-registered");
        }
        if (!form.problems().isEmpty()) {
            throw new ConnectRefusal(form.problems().get(0).messageKey());
        }
        var clientId = service.code().toLowerCase(Locale.ROOT);
        var secret = ClientSecrets.random();
        var webhookSecret = "whsec_" + ClientSecrets.random();
        var now = clock.instant();
        var client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(now)
                .clientSecret(ClientSecrets.ENCODER.encode(secret))
                .clientName(service.name())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .redirectUris(uris -> uris.addAll(ClientForm.lines(form.redirectUris())))
                .postLogoutRedirectUris(uris -> uris.addAll(ClientForm.lines(form.postLogoutRedirectUris())))
                .scope(OidcScopes.OPENID)
                .scopes(scopes -> scopes.addAll(form.chosenScopes()))
                // the grant is the person's consent, given by his establishment: no second question
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                        .refreshTokenTimeToLive(REFRESH_TOKEN_LIFETIME)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
        clients.save(client);
        var webhook = ClientForm.lines(form.webhookUrl()).stream().findFirst().orElse(null);
        connected.saveAndFlush(
                new ConnectedService(serviceId.value(), client.getId(), clientId, webhook, webhookSecret, now));
        events.publishEvent(new ConnectedServiceRegistered(actor, clientId, serviceId.value(), sourceAddress, now));
        return new Secrets(clientId, secret, webhookSecret);
    }

    /** Both secrets at once: the old ones stop working now, as after a leak they must. */
    @Transactional
    Secrets rotateSecrets(AccountId actor, ServiceId serviceId, String sourceAddress) {
        var service = enabledOf(serviceId);
        var client = clients.findEvenDisabled(service.registeredClientId());
        if (client == null) {
            throw new NotFoundException();
        }
        var secret = ClientSecrets.random();
        var webhookSecret = "whsec_" + ClientSecrets.random();
        var now = clock.instant();
        clients.save(RegisteredClient.from(client)
                .clientSecret(ClientSecrets.ENCODER.encode(secret))
                .build());
        service.newWebhookSecret(webhookSecret, now);
        connected.flush();
        events.publishEvent(
                new ConnectedServiceSecretsRotated(actor, service.clientId(), serviceId.value(), sourceAddress, now));
        return new Secrets(service.clientId(), secret, webhookSecret);
    }

    /**
     * The client becomes unknown to the authorization server, and what it was given is forgotten: its
     * refresh tokens no longer refresh, its access tokens no longer open userinfo. (An access token
     * already handed out stays valid for a service that only checks its signature, for at most
     * {@link #ACCESS_TOKEN_LIFETIME}.)
     */
    @Transactional
    void disable(AccountId actor, ServiceId serviceId, String sourceAddress) {
        var service = enabledOf(serviceId);
        var now = clock.instant();
        service.disable(now);
        connected.flush();
        jdbc.sql("delete from oauth2_authorization where registered_client_id = ?")
                .param(service.registeredClientId())
                .update();
        jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = ?")
                .param(service.registeredClientId())
                .update();
        events.publishEvent(
                new ConnectedServiceDisabled(actor, service.clientId(), serviceId.value(), sourceAddress, now));
    }

    private ConnectedService enabledOf(ServiceId serviceId) {
        catalogue.find(serviceId).orElseThrow(NotFoundException::new);
        var service = connected.findByServiceId(serviceId.value()).orElseThrow(NotFoundException::new);
        if (!service.enabled()) {
            throw new ConnectRefusal("connect.disabled");
        }
        return service;
    }

    private @Nullable Client client(@Nullable ConnectedService service) {
        if (service == null) {
            return null;
        }
        var registered = Optional.ofNullable(clients.findEvenDisabled(service.registeredClientId()));
        return new Client(
                service.clientId(),
                service.enabled(),
                registered.map(RegisteredClient::getRedirectUris).orElse(Set.of()),
                registered.map(RegisteredClient::getPostLogoutRedirectUris).orElse(Set.of()),
                registered.map(RegisteredClient::getScopes).orElse(Set.of()),
                service.webhookUrl(),
                service.createdAt());
    }
}
