package fr.guichet.connect;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The authorization server's clients as it must see them: a disabled connected service's client is
 * unknown, whatever it presents (its secret, an authorization code, a refresh token).
 */
class EnabledClients implements RegisteredClientRepository {

    private final JdbcRegisteredClientRepository clients;
    private final ConnectedServiceRepository connected;

    EnabledClients(JdbcRegisteredClientRepository clients, ConnectedServiceRepository connected) {
        this.clients = clients;
        this.connected = connected;
    }

    @Override
    public void save(RegisteredClient client) {
        clients.save(client);
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return enabled(clients.findById(id));
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return enabled(clients.findByClientId(clientId));
    }

    /** For the admin page, which shows a disabled client too. */
    @Nullable
    RegisteredClient findEvenDisabled(String id) {
        return clients.findById(id);
    }

    private @Nullable RegisteredClient enabled(@Nullable RegisteredClient client) {
        if (client == null) {
            return null;
        }
        return connected.enabledByClientId(client.getClientId()).orElse(false) ? client : null;
    }
}
