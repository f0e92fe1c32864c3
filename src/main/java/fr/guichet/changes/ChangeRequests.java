package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.documents.FileStore;
import fr.guichet.documents.SafeFileName;
import fr.guichet.documents.StoredFile;
import fr.guichet.documents.UploadLimits;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteServers;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Change requests: asked by a correspondent of the establishment and product, decided by an agent.
 * Whoever is neither a correspondent of that establishment and product nor staff is told a request
 * does not exist: a correspondent who leaves, or is no longer named, loses his requests with the rest.
 */
@Service
public class ChangeRequests {

    /** A {@code .ver} file is a few lines of text; some tools write it as bare bytes. */
    static final UploadLimits PROOF =
            new UploadLimits(1024 * 1024, Set.of("text/plain", "application/octet-stream", "application/pdf"));

    /** Beyond it the offset would overflow; any page past the last shows the last. */
    private static final int LAST_PAGE = 1_000_000;

    /** What the request's columns hold (JSON): twenty servers fully described fit. */
    static final int MAX_DATA = 16_000;

    /** A file sent with a request: its name as the person's computer had it, and its bytes. */
    public record Upload(String fileName, InputStream content) {}

    /** What a proof download streams. */
    public record ProofFile(String fileName, String contentType, long size, String sha256, InputStream content) {}

    private final ChangeRequestRepository requests;
    private final ChangeViews views;
    private final InstalledVersionChanges installedVersions;
    private final ContactChanges contacts;
    private final EstablishmentChanges establishmentData;
    private final NewCorrespondentChanges newcomers;
    private final LeavingCorrespondentChanges departures;
    private final ServerChanges servers;
    private final CorrespondentSites reference;
    private final Accounts accounts;
    private final Organizations organizations;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @SuppressWarnings("java:S107") // one chapter each: the kinds' forms differ, their recording does not
    ChangeRequests(
            ChangeRequestRepository requests,
            ChangeViews views,
            InstalledVersionChanges installedVersions,
            ContactChanges contacts,
            EstablishmentChanges establishmentData,
            NewCorrespondentChanges newcomers,
            LeavingCorrespondentChanges departures,
            ServerChanges servers,
            CorrespondentSites reference,
            Accounts accounts,
            Organizations organizations,
            FileStore files,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.requests = requests;
        this.views = views;
        this.installedVersions = installedVersions;
        this.contacts = contacts;
        this.establishmentData = establishmentData;
        this.newcomers = newcomers;
        this.departures = departures;
        this.servers = servers;
        this.reference = reference;
        this.accounts = accounts;
        this.organizations = organizations;
        this.files = files;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A correspondent asks that his establishment's installed version of the product be this one.
     * The file is stored before anything is recorded (a large upload holds no connection), and
     * deleted again if the request is refused.
     */
    public ChangeRequestId askInstalledVersion(
            AccountId person, OrganizationId establishment, ProductId product, long versionId, @Nullable Upload proof)
            throws IOException {
        requireCorrespondent(person, establishment, product);
        var wanted = installedVersions.wanted(product, versionId);
        var stored = proof == null ? null : files.store(proof.content(), proof.fileName(), PROOF);
        try {
            return record(
                    person,
                    () -> installedVersions.draft(establishment, product, wanted),
                    stored == null ? null : proofOf(proof.fileName(), stored));
        } catch (RuntimeException e) {
            if (stored != null) {
                files.delete(stored.key());
            }
            throw e;
        }
    }

    /** A correspondent asks that he be reached otherwise as the product's correspondent. */
    public ChangeRequestId askContact(
            AccountId person,
            OrganizationId establishment,
            ProductId product,
            @Nullable String contactEmail,
            @Nullable String contactPhone) {
        requireCorrespondent(person, establishment, product);
        return record(
                person,
                () -> contacts.draft(
                        person, establishment, product, new ContactChanges.Contact(contactEmail, contactPhone)),
                null);
    }

    /** A correspondent of any of its products asks to change the establishment's own data. */
    public ChangeRequestId askEstablishmentData(
            AccountId person, OrganizationId establishment, EstablishmentChanges.Details wanted) {
        if (!reference.isCorrespondent(person, establishment)) {
            throw new NotFoundException();
        }
        return record(person, () -> establishmentData.draft(establishment, wanted), null);
    }

    /** A correspondent asks that this person be named the product's correspondent too. */
    public ChangeRequestId askNewCorrespondent(
            AccountId person,
            OrganizationId establishment,
            ProductId product,
            @Nullable String email,
            @Nullable CorrespondentKind kind,
            @Nullable String contactEmail) {
        requireCorrespondent(person, establishment, product);
        return record(person, () -> newcomers.draft(establishment, product, email, kind, contactEmail), null);
    }

    /** A correspondent asks that this one (maybe himself) be no longer the product's correspondent of that kind. */
    public ChangeRequestId askDeparture(
            AccountId person,
            OrganizationId establishment,
            ProductId product,
            AccountId leaving,
            CorrespondentKind kind) {
        requireCorrespondent(person, establishment, product);
        return record(person, () -> departures.draft(establishment, product, leaving, kind), null);
    }

    /** A correspondent sends the whole list of the product's servers at the establishment. */
    public ChangeRequestId askServers(
            AccountId person, OrganizationId establishment, ProductId product, List<SiteServers.Server> wanted) {
        requireCorrespondent(person, establishment, product);
        return record(person, () -> servers.draft(establishment, product, wanted), null);
    }

    /**
     * The one way a request is recorded, whatever its kind: its "before" read in the same
     * transaction, refused if it changes nothing or if one about the same thing already waits.
     */
    private ChangeRequestId record(AccountId person, Supplier<Draft> drafted, @Nullable Proof proof) {
        return transactions.execute(tx -> {
            var draft = drafted.get();
            if (Objects.equals(draft.before(), draft.after())) {
                throw new ChangeRefusal("changes.nothing-changed");
            }
            if (draft.after().length() > MAX_DATA) {
                throw new InvalidChange("changes.too-long");
            }
            var request = new ChangeRequest(draft, person, proof, clock.instant());
            if (requests.existsByPendingSlot(request.pendingSlot())) {
                throw new ChangeRefusal("changes.pending-already");
            }
            try {
                requests.saveAndFlush(request);
            } catch (DataIntegrityViolationException raced) {
                // another tab asked the same at the same moment: the pending slot is taken
                if (String.valueOf(raced.getMessage()).toLowerCase(Locale.ROOT).contains("pending_unique")) {
                    throw new ChangeRefusal("changes.pending-already");
                }
                throw raced;
            }
            events.publishEvent(new ChangeRequested(
                    person, request.id(), request.establishment(), views.subject(request), clock.instant()));
            return request.id();
        });
    }

    /** His own requests on the sites he is still correspondent of, the latest first. */
    public List<ChangeView> mine(AccountId person) {
        return transactions.execute(tx -> requests.findByRequesterIdOrderByCreatedAtDesc(person.value()).stream()
                .filter(r -> mayRead(person, r))
                .collect(Collectors.collectingAndThen(Collectors.toList(), views::views)));
    }

    /**
     * The requests waiting on these sites (the caller's own: his space), in one query of their
     * establishments' pending requests and one per kind of name, however many sites he has.
     */
    List<ChangeView> pendingOn(List<CorrespondentSites.Site> sites) {
        if (sites.isEmpty()) {
            return List.of();
        }
        var wanted = sites.stream()
                .map(s -> s.establishment().value() + ":" + s.product().value())
                .collect(Collectors.toSet());
        var establishments =
                sites.stream().map(s -> s.establishment().value()).distinct().toList();
        return transactions.execute(tx -> views.views(
                requests
                        .findByStatusAndEstablishmentIdInOrderByCreatedAtDesc(ChangeStatus.PENDING, establishments)
                        .stream()
                        .filter(r -> r.product() != null
                                && wanted.contains(r.establishment().value() + ":"
                                        + Objects.requireNonNull(r.product()).value()))
                        .toList()));
    }

    /** How many requests a page of the agency's queue shows: thousands may wait, and a page of all of them took seconds. */
    static final int QUEUE_PAGE_SIZE = 50;

    /**
     * One page of the agency's queue.
     *
     * @param page from 1; {@code pages} is at least 1
     * @param establishments the establishments with pending requests (of the kind chosen), by name: the filter's choices
     */
    public record QueuePage(
            List<ChangeView> requests,
            int page,
            int pages,
            long total,
            @Nullable OrganizationId establishment,
            @Nullable ChangeKind kind,
            List<QueuedEstablishment> establishments) {

        /** The number, in the whole queue, of the page's first request. */
        public long from() {
            return (long) (page - 1) * QUEUE_PAGE_SIZE + 1;
        }

        /** The number of its last. */
        public long to() {
            return from() + requests.size() - 1;
        }
    }

    /** An establishment in the queue's filter, with how many of its requests wait. */
    public record QueuedEstablishment(OrganizationId id, String name, long pending) {}

    /**
     * The agency's queue: the pending requests, the oldest first, of one establishment or one kind when
     * asked; a page at a time, a page past the last being the last.
     */
    public QueuePage queue(
            AccountId agent, @Nullable OrganizationId establishment, @Nullable ChangeKind kind, int page) {
        accounts.requireStaff(agent);
        return transactions.execute(tx -> {
            var of = establishment == null ? null : establishment.value();
            var found = requests.findQueue(
                    ChangeStatus.PENDING,
                    of,
                    kind,
                    PageRequest.of(Math.min(Math.max(page, 1), LAST_PAGE) - 1, QUEUE_PAGE_SIZE));
            if (found.getContent().isEmpty() && found.getTotalPages() > 0) {
                found = requests.findQueue(
                        ChangeStatus.PENDING, of, kind, PageRequest.of(found.getTotalPages() - 1, QUEUE_PAGE_SIZE));
            }
            return new QueuePage(
                    views.views(found.getContent()),
                    found.getNumber() + 1,
                    Math.max(found.getTotalPages(), 1),
                    found.getTotalElements(),
                    establishment,
                    kind,
                    queuedEstablishments(kind));
        });
    }

    private List<QueuedEstablishment> queuedEstablishments(@Nullable ChangeKind kind) {
        var pending = new HashMap<OrganizationId, Long>();
        requests.countPendingByEstablishment(ChangeStatus.PENDING, kind)
                .forEach(row -> pending.put(new OrganizationId((Long) row[0]), (Long) row[1]));
        return organizations.findAll(List.copyOf(pending.keySet())).stream()
                .map(o -> new QueuedEstablishment(o.id(), o.name(), pending.get(o.id())))
                .sorted(Comparator.comparing(QueuedEstablishment::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(e -> e.id().value()))
                .toList();
    }

    public ChangeView find(AccountId person, ChangeRequestId id) {
        return transactions.execute(tx -> views.view(readable(person, id)));
    }

    public boolean isStaff(AccountId person) {
        return accounts.isStaff(person);
    }

    public ProofFile proof(AccountId person, ChangeRequestId id) throws IOException {
        var proof = transactions.execute(tx -> readable(person, id).proof());
        if (proof == null) {
            throw new NotFoundException();
        }
        return new ProofFile(proof.name(), proof.contentType(), proof.size(), proof.sha256(), files.open(proof.key()));
    }

    private ChangeRequest readable(AccountId person, ChangeRequestId id) {
        var request = requests.findById(id.value()).orElseThrow(NotFoundException::new);
        // his own request too: once he is no longer the site's correspondent, it is no longer his to read
        if (!mayRead(person, request) && !accounts.isStaff(person)) {
            throw new NotFoundException();
        }
        return request;
    }

    /** The site's correspondents, or the establishment's for its own data. */
    private boolean mayRead(AccountId person, ChangeRequest request) {
        var product = request.product();
        return product == null
                ? reference.isCorrespondent(person, request.establishment())
                : reference.isCorrespondent(person, request.establishment(), product);
    }

    private void requireCorrespondent(AccountId person, OrganizationId establishment, ProductId product) {
        if (!reference.isCorrespondent(person, establishment, product)) {
            throw new NotFoundException();
        }
    }

    private static Proof proofOf(String fileName, StoredFile stored) {
        return new Proof(SafeFileName.of(fileName), stored.contentType(), stored.size(), stored.sha256(), stored.key());
    }
}
