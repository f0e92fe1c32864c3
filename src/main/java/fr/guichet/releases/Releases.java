package fr.guichet.releases;

import fr.guichet.account.AccountId;
import fr.guichet.documents.DocumentDownload;
import fr.guichet.documents.FileStore;
import fr.guichet.documents.SafeFileName;
import fr.guichet.documents.StoredFile;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.news.Announcements;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.PublicAddress;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A product's releases as one person may see and make them: the agency's staff prepare and publish,
 * the product's correspondents of every establishment list the published ones and download their
 * files; to anyone else the product has none (404).
 *
 * <p>Files travel outside database transactions, as the documents' do: stored first, then recorded
 * with the release (and deleted again if recording fails); a download is looked up, then streamed by
 * the caller.
 */
@Service
public class Releases {

    /** A file as given: its name and its bytes, read to their end and not closed. */
    public record Upload(String fileName, InputStream content) {}

    /** What a new release says. */
    public record Draft(
            @Nullable ReleaseKind kind,
            @Nullable Long versionId,
            @Nullable String title,
            @Nullable String notes) {}

    private final ReleaseRepository releases;
    private final ProductPeople people;
    private final CorrespondentSites reference;
    private final ReleaseMails mails;
    private final FileStore files;
    private final ReleasesProperties properties;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Announcements announcements;
    private final PublicAddress address;

    Releases(
            ReleaseRepository releases,
            ProductPeople people,
            CorrespondentSites reference,
            ReleaseMails mails,
            FileStore files,
            ReleasesProperties properties,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            Clock clock,
            Announcements announcements,
            PublicAddress address) {
        this.announcements = announcements;
        this.address = address;
        this.releases = releases;
        this.people = people;
        this.reference = reference;
        this.mails = mails;
        this.files = files;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.events = events;
        this.clock = clock;
    }

    /** The product's name, for whoever may see its releases. */
    public String productName(AccountId person, ProductId product) {
        return people.reader(person, product).productName();
    }

    /** Whether the person prepares and publishes the product's releases (else he only reads them). */
    public boolean mayPublish(AccountId person, ProductId product) {
        return people.reader(person, product).staff();
    }

    /**
     * What the releases' page shows one person, read once: the product's name, its releases, and for
     * the agency's staff the versions a new one may be tied to (none for the others).
     */
    public record Shelf(
            String productName,
            boolean mayPublish,
            List<ReleaseView> releases,
            List<CorrespondentSites.Version> versions) {}

    public Shelf shelf(AccountId person, ProductId product) {
        var reader = people.reader(person, product);
        return new Shelf(
                reader.productName(),
                reader.staff(),
                list(reader),
                reader.staff() ? reference.versions(product) : List.of());
    }

    /** The product's releases, the latest first: every one for the agency's staff, the published ones for the others. */
    public List<ReleaseView> list(AccountId person, ProductId product) {
        return list(people.reader(person, product));
    }

    private List<ReleaseView> list(ProductPeople.Reader reader) {
        var versions = versionLabels(reader.product());
        return reads.execute(tx -> releases
                .findByProductIdOrderByCreatedAtDescIdDesc(reader.product().value())
                .stream()
                .filter(r -> reader.staff() || r.published())
                .map(r -> view(r, versions))
                .toList());
    }

    public ReleaseView find(AccountId person, ProductId product, ReleaseId id) {
        var reader = people.reader(person, product);
        return reads.execute(tx -> view(find(reader, id), versionLabels(product)));
    }

    /**
     * A new release, a draft until published: the agency's staff alone.
     *
     * @throws ReleaseRefusal a kind, version, title or notes missing or out of bounds, too many files
     * @throws fr.guichet.documents.FileRefused a file too large, empty or of a type not allowed
     */
    public ReleaseId create(AccountId agent, ProductId product, Draft draft, List<Upload> uploads) throws IOException {
        people.reader(agent, product).requireStaff();
        if (draft.versionId() == null
                || reference.versions(product).stream().noneMatch(v -> v.id() == draft.versionId())) {
            throw new ReleaseRefusal("releases.version.unknown");
        }
        Release.checkFileCount(uploads.size());
        // the rules of a release are checked before any file is read: a bad form costs no transfer
        new Release(product, draft.versionId(), draft.kind(), draft.title(), draft.notes(), agent, clock.instant());
        var stored = new ArrayList<StoredFile>();
        try {
            for (var upload : uploads) {
                stored.add(files.store(upload.content(), upload.fileName(), properties.limits()));
            }
            return transactions.execute(tx -> {
                var release = new Release(
                        product, draft.versionId(), draft.kind(), draft.title(), draft.notes(), agent, clock.instant());
                for (int i = 0; i < stored.size(); i++) {
                    release.attach(
                            new ReleaseFile(SafeFileName.of(uploads.get(i).fileName()), stored.get(i)));
                }
                release = releases.save(release);
                events.publishEvent(
                        new ReleaseCreated(agent, product, release.id(), release.subject(), release.createdAt()));
                return release.id();
            });
        } catch (IOException | RuntimeException failed) {
            stored.forEach(file -> files.delete(file.key()));
            throw failed;
        }
    }

    /**
     * Publishes a draft and tells every establishment, in one transaction: the e-mails are written
     * with the publication or not at all.
     *
     * @throws ReleaseRefusal published already (also when another agent did it at the same moment), or without files
     */
    public ReleaseView publish(AccountId agent, ProductId product, ReleaseId id) {
        return publish(agent, product, id, false);
    }

    /**
     * The same, and, when asked, an announcement of it on the product's correspondents' home pages
     * and news (not e-mailed again: the release's e-mail is theirs), in the same transaction.
     */
    public ReleaseView publish(AccountId agent, ProductId product, ReleaseId id, boolean announce) {
        var reader = people.reader(agent, product).requireStaff();
        try {
            return transactions.execute(tx -> {
                var release = find(reader, id);
                var versions = versionLabels(product);
                var now = clock.instant();
                release.publish(agent, now);
                releases.saveAndFlush(release);
                var sent =
                        mails.published(release, reader.productName(), versions.getOrDefault(release.versionId(), ""));
                events.publishEvent(new ReleasePublished(agent, product, id, release.subject(), sent, now));
                if (announce) {
                    var version = versions.getOrDefault(release.versionId(), "");
                    announcements.announceRelease(
                            agent,
                            product,
                            (reader.productName() + " " + version).strip() + " : " + release.title(),
                            release.notes()
                                    + "\n\n"
                                    + address.link("/produits/{product}/livraisons/{id}", product.value(), id.value()));
                }
                return view(release, versions);
            });
        } catch (ObjectOptimisticLockingFailureException late) {
            throw new ReleaseRefusal("releases.published-already");
        }
    }

    /** One file of a release its reader may see. */
    public DocumentDownload download(AccountId person, ProductId product, ReleaseId id, int number) {
        var reader = people.reader(person, product);
        return reads.execute(tx -> {
            var release = find(reader, id);
            if (number < 0 || number >= release.files().size()) {
                throw new NotFoundException();
            }
            var file = release.files().get(number);
            var key = file.storageKey();
            return new DocumentDownload(
                    file.fileName(), file.contentType(), file.size(), file.sha256(), () -> files.open(key));
        });
    }

    /** A release of this product the reader may see: a draft is the agency's alone. */
    private Release find(ProductPeople.Reader reader, ReleaseId id) {
        return releases.findById(id.value())
                .filter(r -> r.product().equals(reader.product()) && (reader.staff() || r.published()))
                .orElseThrow(NotFoundException::new);
    }

    private Map<Long, String> versionLabels(ProductId product) {
        return reference.versions(product).stream()
                .collect(Collectors.toMap(
                        CorrespondentSites.Version::id, CorrespondentSites.Version::label, (a, b) -> a));
    }

    private static ReleaseView view(Release release, Map<Long, String> versions) {
        var fileViews = new ArrayList<ReleaseView.FileView>();
        var attached = release.files();
        for (int i = 0; i < attached.size(); i++) {
            var file = attached.get(i);
            fileViews.add(new ReleaseView.FileView(i, file.fileName(), file.size(), file.contentType()));
        }
        return new ReleaseView(
                release.id(),
                release.product().value(),
                release.kind(),
                release.status(),
                versions.getOrDefault(release.versionId(), ""),
                release.title(),
                release.notes(),
                release.createdAt(),
                release.publishedAt(),
                fileViews);
    }
}
