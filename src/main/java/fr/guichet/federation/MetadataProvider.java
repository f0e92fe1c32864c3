package fr.guichet.federation;

import java.util.List;

/**
 * An identity provider as a federation's metadata describes it: its name, where to send people,
 * the certificate its assertions are signed with, and the domains it answers for (its scopes).
 */
public record MetadataProvider(String entityId, String name, String ssoUrl, String certificate, List<String> scopes) {

    public MetadataProvider {
        scopes = List.copyOf(scopes);
    }
}
