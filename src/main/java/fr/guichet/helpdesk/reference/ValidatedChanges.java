package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agent validates of a correspondent's change request, written through the same services
 * as the reference pages, with their checks and their audit: the reference data keeps one write
 * path whoever asks.
 */
@Service
public class ValidatedChanges {

    private final Correspondents correspondents;
    private final Products products;

    ValidatedChanges(Correspondents correspondents, Products products) {
        this.correspondents = correspondents;
        this.products = products;
    }

    /** The establishment now runs this version of the product; its server data stay as they were. */
    @Transactional
    public void installedVersion(AccountId agent, OrganizationId establishment, ProductId product, long versionId) {
        var site = correspondents.establishment(establishment.value());
        var found = products.find(product.value()).orElseThrow(NotFoundException::new);
        var serverData = correspondents
                .installed(establishment.value(), product.value())
                .map(Correspondents.Installed::serverData)
                .orElse(null);
        correspondents.install(agent, site, found, new ReferenceForms.InstalledVersionForm(versionId, serverData));
    }
}
