package fr.guichet.releases;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who a product's spaces and releases are for: its correspondents of any establishment read, the
 * agency's staff read and write. Anyone else, or any product that does not exist, is told it does
 * not exist; a reader who tries to write is refused.
 */
@Component
class ProductPeople {

    /** What one person may do with one product, once he is known to see it at all. */
    record Reader(AccountId person, ProductId product, String productName, boolean staff) {

        Reader requireStaff() {
            if (!staff) {
                throw new AccessDeniedException("releases.staff-only");
            }
            return this;
        }
    }

    private final CorrespondentSites reference;
    private final Accounts accounts;

    ProductPeople(CorrespondentSites reference, Accounts accounts) {
        this.reference = reference;
        this.accounts = accounts;
    }

    Reader reader(AccountId person, ProductId product) {
        var name = reference.productName(product).orElseThrow(NotFoundException::new);
        var staff = accounts.isStaff(person);
        if (!staff && !isCorrespondent(person, product)) {
            throw new NotFoundException();
        }
        return new Reader(person, product, name, staff);
    }

    boolean mayRead(AccountId person, ProductId product) {
        return accounts.isStaff(person) || isCorrespondent(person, product);
    }

    boolean isStaff(AccountId person) {
        return accounts.isStaff(person);
    }

    private boolean isCorrespondent(AccountId person, ProductId product) {
        return reference.sitesOf(person).stream()
                .anyMatch(site -> site.product().equals(product));
    }
}
