package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.reference.InstalledVersion;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may file a level-2 ticket ("DA"), and with which version: only a correspondent of
 * the product for his establishment, and only once the agency has validated the establishment's
 * installed version, which the ticket then carries (shown, never typed).
 */
@Component
class LevelTwoFiling {

    /** The version the ticket will carry; {@code unmaintained} is a warning, not a refusal. */
    record Eligibility(InstalledVersion version, boolean unmaintained) {}

    private final HelpdeskReference reference;

    LevelTwoFiling(HelpdeskReference reference) {
        this.reference = reference;
    }

    Eligibility check(AccountId person, OrganizationId establishment, ProductId product) {
        var name = reference.productName(product).orElseThrow(NotFoundException::new);
        if (!reference.isCorrespondent(person, establishment, product)) {
            throw new FilingRefused("helpdesk.filing.not-correspondent", name);
        }
        var version = reference
                .installedVersion(establishment, product)
                .orElseThrow(() -> new FilingRefused("helpdesk.filing.no-installed-version", name));
        return new Eligibility(version, !version.maintained());
    }
}
