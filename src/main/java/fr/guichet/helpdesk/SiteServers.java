package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The machines an establishment runs a product on (seed 001: "un maximum de précisions", for the
 * agency's technical help and for delivering the product). Correspondents change them through a
 * change request, the whole list at once.
 */
public interface SiteServers {

    enum Role {
        PRODUCTION,
        PREPRODUCTION,
        TEST,
        TRAINING
    }

    record Server(
            String name,
            Role role,
            @Nullable String os,
            @Nullable String osVersion,
            @Nullable String database,
            @Nullable String databaseVersion,
            @Nullable String series) {}

    /** By role (production first), then name. */
    List<Server> servers(OrganizationId establishment, ProductId product);

    /** The same, the rows locked until the caller's transaction ends. */
    List<Server> lockServers(OrganizationId establishment, ProductId product);

    /** An agent validated this list: it replaces the site's whole list. */
    void replaceServers(AccountId agent, OrganizationId establishment, ProductId product, List<Server> servers);
}
