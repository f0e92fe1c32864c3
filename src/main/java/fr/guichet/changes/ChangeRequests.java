package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.documents.FileStore;
import fr.guichet.documents.SafeFileName;
import fr.guichet.documents.StoredFile;
import fr.guichet.documents.UploadLimits;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
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

    /** A file sent with a request: its name as the person's computer had it, and its bytes. */
    public record Upload(String fileName, InputStream content) {}

    /** What a proof download streams. */
    public record ProofFile(String fileName, String contentType, long size, String sha256, InputStream content) {}

    private final ChangeRequestRepository requests;
    private final InstalledVersionChanges installedVersions;
    private final ChangeMails mails;
    private final CorrespondentSites reference;
    private final Accounts accounts;
    private final Organizations organizations;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChangeRequests(
            ChangeRequestRepository requests,
            InstalledVersionChanges installedVersions,
            ChangeMails mails,
            CorrespondentSites reference,
            Accounts accounts,
            Organizations organizations,
            FileStore files,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.requests = requests;
        this.installedVersions = installedVersions;
        this.mails = mails;
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
            return transactions.execute(tx -> {
                var current = installedVersions.current(establishment, product);
                if (current.map(c -> c.versionId() == wanted.versionId()).orElse(false)) {
                    throw new ChangeRefusal("changes.installed-version.same", wanted.label());
                }
                requireNothingPending(ChangeKind.INSTALLED_VERSION, establishment, product);
                var request = new ChangeRequest(
                        ChangeKind.INSTALLED_VERSION,
                        establishment,
                        product,
                        person,
                        current.map(installedVersions::write).orElse(null),
                        installedVersions.write(wanted),
                        stored == null ? null : proofOf(proof.fileName(), stored),
                        clock.instant());
                try {
                    requests.saveAndFlush(request);
                } catch (DataIntegrityViolationException raced) {
                    // another tab asked the same at the same moment: the pending slot is taken
                    if (String.valueOf(raced.getMessage())
                            .toLowerCase(Locale.ROOT)
                            .contains("pending_unique")) {
                        throw new ChangeRefusal("changes.pending-already");
                    }
                    throw raced;
                }
                events.publishEvent(
                        new ChangeRequested(person, request.id(), establishment, subject(request), clock.instant()));
                return request.id();
            });
        } catch (RuntimeException e) {
            if (stored != null) {
                files.delete(stored.key());
            }
            throw e;
        }
    }

    /** His own requests on the sites he is still correspondent of, the latest first. */
    public List<ChangeView> mine(AccountId person) {
        return transactions.execute(tx -> requests.findByRequesterIdOrderByCreatedAtDesc(person.value()).stream()
                .filter(r -> r.product() != null
                        && reference.isCorrespondent(person, r.establishment(), Objects.requireNonNull(r.product())))
                .collect(Collectors.collectingAndThen(Collectors.toList(), this::views)));
    }

    /** The requests on one establishment and product, for its correspondents: the latest first. */
    public List<ChangeView> ofSite(AccountId person, OrganizationId establishment, ProductId product) {
        requireCorrespondent(person, establishment, product);
        return transactions.execute(tx ->
                requests
                        .findByEstablishmentIdAndProductIdOrderByCreatedAtDesc(establishment.value(), product.value())
                        .stream()
                        .collect(Collectors.collectingAndThen(Collectors.toList(), this::views)));
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
        requireStaff(agent);
        return transactions.execute(tx -> {
            var of = establishment == null ? null : establishment.value();
            var found = requests.findQueue(
                    ChangeStatus.PENDING, of, kind, PageRequest.of(Math.max(page, 1) - 1, QUEUE_PAGE_SIZE));
            if (found.getContent().isEmpty() && found.getTotalPages() > 0) {
                found = requests.findQueue(
                        ChangeStatus.PENDING, of, kind, PageRequest.of(found.getTotalPages() - 1, QUEUE_PAGE_SIZE));
            }
            return new QueuePage(
                    views(found.getContent()),
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
        return transactions.execute(tx -> view(readable(person, id)));
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

    /**
     * Validates the request: the change is applied in the same transaction, through the reference
     * data's services. If the data no longer say what they said when it was asked, the portal
     * refuses it instead, since applying it would overwrite a newer change.
     */
    public ChangeView validate(AccountId agent, ChangeRequestId id) {
        requireStaff(agent);
        return decide(agent, id, Decision.VALIDATE, null);
    }

    public ChangeView refuse(AccountId agent, ChangeRequestId id, @Nullable String reason) {
        requireStaff(agent);
        return decide(agent, id, Decision.REFUSE, reason);
    }

    private ChangeView decide(AccountId agent, ChangeRequestId id, Decision wanted, @Nullable String reason) {
        try {
            return transactions.execute(tx -> {
                var request = requests.findById(id.value()).orElseThrow(NotFoundException::new);
                var decision = wanted == Decision.VALIDATE && !stillAsAsked(request) ? Decision.OUTDATED : wanted;
                request.decide(decision, agent, reason, clock.instant());
                // the version check: of two decisions at once, the second finds the row changed
                requests.saveAndFlush(request);
                if (decision == Decision.VALIDATE) {
                    installedVersions.apply(agent, request);
                }
                var view = view(request);
                mails.decided(request, view);
                events.publishEvent(
                        decision == Decision.VALIDATE
                                ? new ChangeValidated(
                                        agent, request.id(), request.establishment(), subject(request), clock.instant())
                                : new ChangeRefused(
                                        decision.bySystem() ? null : agent,
                                        request.id(),
                                        request.establishment(),
                                        subject(request),
                                        request.reason(),
                                        clock.instant()));
                return view;
            });
        } catch (ObjectOptimisticLockingFailureException decidedMeanwhile) {
            throw new ChangeRefusal("changes.decided-already");
        } catch (DuplicateKeyException firstVersionMeanwhile) {
            // nothing was locked (there was no version yet) and an agent set one at that very moment
            throw new ChangeRefusal("changes.data-changed");
        }
    }

    /**
     * Whether the data still say what they said when it was asked: the version ids compared, not
     * their words, with the row locked so that no edit slips between this check and the apply.
     */
    private boolean stillAsAsked(ChangeRequest request) {
        var now = installedVersions.lockCurrent(request.establishment(), Objects.requireNonNull(request.product()));
        return now.equals(installedVersions.versionOf(request.before()));
    }

    private ChangeRequest readable(AccountId person, ChangeRequestId id) {
        var request = requests.findById(id.value()).orElseThrow(NotFoundException::new);
        var product = request.product();
        // his own request too: once he is no longer the site's correspondent, it is no longer his to read
        var allowed = product != null && reference.isCorrespondent(person, request.establishment(), product)
                || accounts.isStaff(person);
        if (!allowed) {
            throw new NotFoundException();
        }
        return request;
    }

    private void requireCorrespondent(AccountId person, OrganizationId establishment, ProductId product) {
        if (!reference.isCorrespondent(person, establishment, product)) {
            throw new NotFoundException();
        }
    }

    private void requireStaff(AccountId person) {
        if (!accounts.isStaff(person)) {
            throw new AccessDeniedException("change requests are decided by the agency's staff");
        }
    }

    private void requireNothingPending(ChangeKind kind, OrganizationId establishment, ProductId product) {
        var pending =
                requests
                        .findByEstablishmentIdAndProductIdOrderByCreatedAtDesc(establishment.value(), product.value())
                        .stream()
                        .anyMatch(r -> r.kind() == kind && r.status() == ChangeStatus.PENDING);
        if (pending) {
            throw new ChangeRefusal("changes.pending-already");
        }
    }

    private static Proof proofOf(String fileName, StoredFile stored) {
        return new Proof(SafeFileName.of(fileName), stored.contentType(), stored.size(), stored.sha256(), stored.key());
    }

    private String subject(ChangeRequest request) {
        var product = request.product();
        return request.kind() + " product " + (product == null ? "-" : product.value()) + ": "
                + describe(request.after());
    }

    private String describe(String data) {
        return installedVersions.read(data).label();
    }

    private ChangeView view(ChangeRequest request) {
        return views(List.of(request)).get(0);
    }

    /**
     * Many requests, their names read in one query per kind of name: the agency's queue may hold
     * thousands, and one lookup per request and name held it back.
     */
    private List<ChangeView> views(List<ChangeRequest> found) {
        var people = new HashSet<AccountId>();
        found.forEach(r -> {
            people.add(r.requester());
            var decidedBy = r.decidedBy();
            if (decidedBy != null) {
                people.add(decidedBy);
            }
        });
        var names = new HashMap<AccountId, String>();
        accounts.find(people).forEach(p -> names.put(p.id(), p.displayName()));
        var establishments = new HashMap<OrganizationId, String>();
        organizations
                .findAll(found.stream()
                        .map(ChangeRequest::establishment)
                        .distinct()
                        .toList())
                .forEach(o -> establishments.put(o.id(), o.name()));
        var products = new HashMap<ProductId, Optional<String>>();
        return found.stream()
                .map(request -> {
                    var product = request.product();
                    var decidedBy = request.decidedBy();
                    var proof = request.proof();
                    return new ChangeView(
                            request.id(),
                            request.kind(),
                            request.establishment(),
                            establishments.getOrDefault(request.establishment(), "—"),
                            product,
                            product == null
                                    ? null
                                    : products.computeIfAbsent(product, reference::productName)
                                            .orElse(null),
                            request.requester(),
                            names.getOrDefault(request.requester(), "—"),
                            request.status(),
                            request.before() == null ? null : describe(request.before()),
                            describe(request.after()),
                            proof == null ? null : proof.name(),
                            request.reason(),
                            request.createdAt(),
                            request.decidedAt(),
                            decidedBy == null ? null : names.get(decidedBy),
                            request.outdated());
                })
                .toList();
    }
}
