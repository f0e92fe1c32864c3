package fr.guichet.releases;

import fr.guichet.account.AccountId;
import fr.guichet.documents.DocumentAudience;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A product's document spaces: read by its correspondents of every establishment, written by the
 * agency's staff; new files are also sent to each establishment's project address for the product.
 */
@Component
class ProductDocumentAudience implements DocumentAudience {

    static final String KIND = "product";

    private final CorrespondentSites reference;
    private final ProductPeople people;
    private final ProjectAddresses addresses;
    private final Organizations organizations;

    ProductDocumentAudience(
            CorrespondentSites reference,
            ProductPeople people,
            ProjectAddresses addresses,
            Organizations organizations) {
        this.reference = reference;
        this.people = people;
        this.addresses = addresses;
        this.organizations = organizations;
    }

    @Override
    public String ownerKind() {
        return KIND;
    }

    @Override
    public Optional<String> ownerName(long ownerId, Locale locale) {
        return reference.productName(new ProductId(ownerId));
    }

    @Override
    public boolean mayRead(AccountId person, long ownerId) {
        return people.mayRead(person, new ProductId(ownerId));
    }

    @Override
    public boolean mayWrite(AccountId person, long ownerId) {
        return people.isStaff(person);
    }

    @Override
    public List<AccountId> readers(long ownerId) {
        return reference.correspondentsByEstablishment(new ProductId(ownerId)).values().stream()
                .flatMap(List::stream)
                .distinct()
                .toList();
    }

    @Override
    public List<Mailbox> mailboxes(long ownerId) {
        // an establishment whose last correspondent of the product left is no longer written to
        var named =
                reference.correspondentsByEstablishment(new ProductId(ownerId)).keySet();
        return addresses.ofProduct(new ProductId(ownerId)).entrySet().stream()
                .filter(e -> named.contains(e.getKey()))
                .map(e -> new Mailbox(
                        e.getValue().email(),
                        e.getValue().locale(),
                        organizations
                                .find(e.getKey())
                                .map(OrganizationView::name)
                                .orElse(e.getValue().email())))
                .toList();
    }
}
