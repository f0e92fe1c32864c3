package fr.guichet.access;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.documents.DocumentAudience;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A service's document space: read by its grant holders, written by the agency's staff. */
@Component
class ServiceDocumentAudience implements DocumentAudience {

    static final String KIND = "service";

    private final ServiceRepository services;
    private final AccessRequests requests;
    private final Accounts accounts;
    private final Favourites favourites;

    ServiceDocumentAudience(
            ServiceRepository services, AccessRequests requests, Accounts accounts, Favourites favourites) {
        this.favourites = favourites;
        this.services = services;
        this.requests = requests;
        this.accounts = accounts;
    }

    @Override
    public String ownerKind() {
        return KIND;
    }

    @Override
    public Optional<String> ownerName(long ownerId, Locale locale) {
        return services.findById(ownerId).map(s -> s.view().name());
    }

    @Override
    public boolean mayRead(AccountId person, long ownerId) {
        return requests.holdsGrant(person, new ServiceId(ownerId)) || accounts.isStaff(person);
    }

    @Override
    public boolean mayWrite(AccountId person, long ownerId) {
        return accounts.isStaff(person);
    }

    /** Only those who starred the service hear of its new files (seed 002: favourites drive alerts). */
    @Override
    public List<AccountId> readers(long ownerId) {
        var starred = favourites.starredBy(new ServiceId(ownerId));
        return requests.grantHolders(new ServiceId(ownerId)).stream()
                .filter(starred::contains)
                .toList();
    }
}
