package fr.guichet.documents;

import fr.guichet.account.AccountId;
import fr.guichet.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documents module's API: the space of one owner (its kind, e.g. {@code "service"}, and id)
 * as one person may see and change it. Whoever may neither read nor write a space is told it does
 * not exist (404), whatever he asks; a reader who tries to change it is refused (403).
 *
 * <p>Files travel outside database transactions: an upload is stored first, then recorded (and
 * deleted again if recording fails); a download is looked up and counted, then streamed by the
 * caller.
 */
@Service
public class DocumentSpaces {

    private final Audiences audiences;
    private final DocumentRepository documents;
    private final Subscriptions subscriptions;
    private final FileStore files;
    private final UploadLimits limits;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DocumentSpaces(
            Audiences audiences,
            DocumentRepository documents,
            Subscriptions subscriptions,
            FileStore files,
            DocumentsProperties properties,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            Clock clock) {
        this.audiences = audiences;
        this.documents = documents;
        this.subscriptions = subscriptions;
        this.files = files;
        this.limits = properties.limits();
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.events = events;
        this.clock = clock;
    }

    /** What the person may do in the space, once he is known to see it at all. */
    private record Access(String ownerKind, long ownerId, String ownerName, boolean mayRead, boolean mayWrite) {

        Set<Area> areas() {
            var areas = EnumSet.allOf(Area.class);
            if (!mayWrite) {
                areas.removeIf(area -> !area.openToReaders());
            }
            return areas;
        }

        boolean sees(Area area) {
            return mayWrite || area.openToReaders();
        }

        Access requireWriter() {
            if (!mayWrite) {
                throw new AccessDeniedException("documents.write-denied");
            }
            return this;
        }
    }

    private Access access(AccountId person, String ownerKind, long ownerId, Locale locale) {
        var audience = audiences.of(ownerKind);
        var name = audience.ownerName(ownerId, locale).orElseThrow(NotFoundException::new);
        var mayRead = audience.mayRead(person, ownerId);
        var mayWrite = audience.mayWrite(person, ownerId);
        if (!mayRead && !mayWrite) {
            throw new NotFoundException();
        }
        return new Access(ownerKind, ownerId, name, mayRead, mayWrite);
    }

    private Access access(AccountId person, String ownerKind, long ownerId) {
        return access(person, ownerKind, ownerId, Locale.FRENCH);
    }

    public DocumentSpace space(AccountId viewer, String ownerKind, long ownerId, Locale locale) {
        var access = access(viewer, ownerKind, ownerId, locale);
        return reads.execute(tx -> new DocumentSpace(
                access.ownerName(),
                access.mayWrite(),
                // the e-mails go to readers: staff who only write hear of nothing
                access.mayRead() && !subscriptions.isUnsubscribed(ownerKind, ownerId, viewer),
                DocumentSpace.shelves(access.areas(), documents.currentVersions(ownerKind, ownerId, access.areas()))));
    }

    /**
     * A new file in the space. The stream is read to its end (or to the size limit) and not closed.
     *
     * @throws FileRefused too large, empty or of a type not allowed
     * @throws DocumentRefusal a title or folder out of bounds
     */
    public DocumentId add(
            AccountId actor,
            String ownerKind,
            long ownerId,
            Area area,
            Family family,
            String folder,
            String title,
            String fileName,
            InputStream content)
            throws IOException {
        access(actor, ownerKind, ownerId).requireWriter();
        if (area == null || family == null) {
            throw new DocumentRefusal("documents.place.required");
        }
        // checked before the upload is read, so that a bad title costs no transfer
        var checkedFolder = DocumentNames.folder(folder);
        var checkedTitle = DocumentNames.title(title);
        var stored = files.store(content, fileName, limits);
        return recordedOrDeleted(stored, () -> {
            var now = clock.instant();
            var document = documents.save(new Document(
                    ownerKind,
                    ownerId,
                    area,
                    family,
                    checkedFolder,
                    checkedTitle,
                    new Document.Upload(stored, fileName, actor.value(), now)));
            events.publishEvent(
                    new DocumentAdded(actor, ownerKind, ownerId, document.id(), document.title(), area, now));
            return document.id();
        });
    }

    /** A new version of a document's file; the older ones are kept. Returns the new version's number. */
    public int replace(
            AccountId actor, String ownerKind, long ownerId, DocumentId id, String fileName, InputStream content)
            throws IOException {
        var access = access(actor, ownerKind, ownerId).requireWriter();
        reads.executeWithoutResult(tx -> find(access, id));
        var stored = files.store(content, fileName, limits);
        return recordedOrDeleted(stored, () -> {
            var now = clock.instant();
            var document = find(access, id);
            var added = document.replace(new Document.Upload(stored, fileName, actor.value(), now));
            events.publishEvent(
                    new DocumentReplaced(actor, ownerKind, ownerId, id, document.title(), added.number(), now));
            return added.number();
        });
    }

    /** Deletes the document, all its versions, and their files once the deletion is committed. */
    public void remove(AccountId actor, String ownerKind, long ownerId, DocumentId id) {
        var access = access(actor, ownerKind, ownerId).requireWriter();
        transactions.executeWithoutResult(tx -> {
            var document = find(access, id);
            var keys = document.storageKeys();
            documents.delete(document);
            events.publishEvent(new DocumentRemoved(actor, ownerKind, ownerId, id, document.title(), clock.instant()));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keys.forEach(files::delete);
                }
            });
        });
    }

    /** The current file of a document, counted as one download. */
    public DocumentDownload download(AccountId person, String ownerKind, long ownerId, DocumentId id) {
        var access = access(person, ownerKind, ownerId);
        return counted(person, access, id, null);
    }

    /** One version of a document: any for writers, the current one only for readers. */
    public DocumentDownload download(AccountId person, String ownerKind, long ownerId, DocumentId id, int version) {
        var access = access(person, ownerKind, ownerId);
        return counted(person, access, id, version);
    }

    /** Every file a document has had, oldest first (writers only: readers see the current one). */
    public List<FileVersion> versions(AccountId person, String ownerKind, long ownerId, DocumentId id) {
        var access = access(person, ownerKind, ownerId).requireWriter();
        return reads.execute(tx -> {
            var document = find(access, id);
            return document.versions().stream()
                    .map(v -> new FileVersion(
                            v.number(),
                            v.fileName(),
                            v.size(),
                            v.contentType(),
                            v.uploadedAt(),
                            new AccountId(v.uploadedBy()),
                            v.number() == document.currentVersion()))
                    .toList();
        });
    }

    /** Whether the person hears of the space's new files (everyone who may read does, unless he says no). */
    public void subscribe(AccountId person, String ownerKind, long ownerId, boolean subscribed) {
        access(person, ownerKind, ownerId);
        transactions.executeWithoutResult(tx -> {
            if (subscribed) {
                subscriptions.subscribe(ownerKind, ownerId, person);
            } else {
                subscriptions.unsubscribe(ownerKind, ownerId, person, clock.instant());
            }
        });
    }

    private DocumentDownload counted(AccountId person, Access access, DocumentId id, Integer number) {
        return transactions.execute(tx -> {
            var document = find(access, id);
            var version = number == null
                    ? document.current()
                    : document.version(number).orElseThrow(NotFoundException::new);
            if (version.number() != document.currentVersion()) {
                access.requireWriter();
            }
            documents.countDownload(document.id().value());
            events.publishEvent(new DocumentDownloaded(access.ownerKind(), access.ownerId(), person, clock.instant()));
            var key = version.storageKey();
            return new DocumentDownload(
                    version.fileName(), version.contentType(), version.size(), version.sha256(), () -> files.open(key));
        });
    }

    /** A document of this space in an area the person sees; anything else does not exist for him. */
    private Document find(Access access, DocumentId id) {
        return documents
                .findById(id.value())
                .filter(d -> d.belongsTo(access.ownerKind(), access.ownerId()) && access.sees(d.area()))
                .orElseThrow(NotFoundException::new);
    }

    private <T> T recordedOrDeleted(StoredFile stored, Supplier<T> record) {
        try {
            return transactions.execute(tx -> record.get());
        } catch (RuntimeException failed) {
            files.delete(stored.key());
            throw failed;
        }
    }
}
