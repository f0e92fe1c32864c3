package fr.guichet.branding;

import fr.guichet.account.AccountId;
import fr.guichet.documents.FileStore;
import fr.guichet.documents.UploadLimits;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Organisations' brandings: the draft a person prepares, what the public sees (an organisation's
 * own, or else its nearest ancestor's), publishing, cancelling and resetting. Who may is the
 * pages' check ({@link BrandingAccess}); this keeps the versions and their images consistent: an
 * image's file is forgotten once neither version refers to it, and only after the change committed.
 */
@Service
public class Brandings {

    private static final UploadLimits IMAGES =
            new UploadLimits(ImageCheck.MAX_BYTES, Set.of("image/jpeg", "image/gif"));

    private final BrandingStore store;
    private final FileStore files;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Brandings(
            BrandingStore store,
            FileStore files,
            Organizations organizations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.files = files;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** An image as uploaded: its bytes (at most a little over the limit were read). */
    public record Upload(ImageSlot slot, byte[] bytes) {}

    /** A branding shown on an organisation's page, and whose it is (the organisation's own, or an ancestor's). */
    public record Shown(OrganizationView owner, Branding branding) {}

    /** What the branding page shows an organisation's manager. */
    public record Editing(Optional<Branding> draft, Optional<Branding> published, Optional<Shown> inherited) {

        /** What the form starts from, and what the preview shows: the draft, else what is published. */
        public Branding current() {
            return draft.or(() -> published).orElseGet(Branding::plain);
        }

        public boolean hasDraft() {
            return draft.isPresent();
        }

        public boolean customized() {
            return draft.isPresent() || published.isPresent();
        }
    }

    @Transactional(readOnly = true)
    public Editing editing(OrganizationId organization) {
        var own = store.find(organization.value(), Stage.PUBLISHED);
        return new Editing(
                store.find(organization.value(), Stage.DRAFT),
                own,
                own.isPresent() ? Optional.empty() : inherited(organization));
    }

    /** What the public sees of the organisation: its own published branding, else its nearest ancestor's. */
    @Transactional(readOnly = true)
    public Optional<Shown> published(OrganizationId organization) {
        var view = organizations.find(organization);
        if (view.isEmpty()) {
            return Optional.empty();
        }
        var ancestry = ancestry(view.get());
        var found = store.among(ancestry, Stage.PUBLISHED);
        // the nearest first: the organisation itself, then its parent…
        for (var id : ancestry) {
            if (found.containsKey(id)) {
                var owner = id == organization.value()
                        ? view.get()
                        : organizations.find(new OrganizationId(id)).orElseThrow();
                return Optional.of(new Shown(owner, found.get(id)));
            }
        }
        return Optional.empty();
    }

    /** The preview: the page as it would look once the draft is published. */
    @Transactional(readOnly = true)
    public Optional<Shown> previewed(OrganizationId organization) {
        var editing = editing(organization);
        if (editing.customized()) {
            return Optional.of(new Shown(organizations.find(organization).orElseThrow(), editing.current()));
        }
        return editing.inherited();
    }

    private Optional<Shown> inherited(OrganizationId organization) {
        return published(organization).filter(s -> !s.owner().id().equals(organization));
    }

    /** The organisation and its ancestors, nearest first. */
    private static List<Long> ancestry(OrganizationView organization) {
        var ids = new ArrayList<>(Arrays.stream(organization.path().split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList());
        Collections.reverse(ids);
        return ids;
    }

    /**
     * Saves what a person sent as the draft: every image checked and stored first, so that a bad
     * one leaves the draft as it was (and nothing in the store).
     *
     * @throws BrandingRefusal an image or a field breaks a rule; nothing changed
     */
    @Transactional
    public void saveDraft(
            AccountId person,
            OrganizationId organization,
            ColorScheme scheme,
            WelcomeSide side,
            String title,
            String text,
            List<Branding.LinkInput> links,
            List<Upload> uploads) {
        var id = lock(organization);
        var published = store.find(id, Stage.PUBLISHED);
        var previousDraft = store.find(id, Stage.DRAFT);
        var draft = previousDraft
                .or(() -> published)
                .orElseGet(Branding::plain)
                .withHomePage(scheme, side, title, text, links);
        for (var upload : uploads) {
            ImageCheck.check(upload.bytes(), upload.slot());
        }
        var stored = new ArrayList<String>();
        try {
            for (var upload : uploads) {
                var file = files.store(
                        new ByteArrayInputStream(upload.bytes()), upload.slot().path(), IMAGES);
                stored.add(file.key());
                draft = draft.withImage(
                        upload.slot(), new StoredImage(file.key(), file.contentType(), file.size(), file.sha256()));
            }
            store.save(id, Stage.DRAFT, draft, person.value(), clock.instant());
        } catch (IOException | RuntimeException failed) {
            stored.forEach(files::delete);
            if (failed instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) failed;
        }
        var kept = keys(Stream.of(Optional.of(draft), published));
        forgetAfterCommit(keys(Stream.of(previousDraft)).stream()
                .filter(k -> !kept.contains(k))
                .toList());
    }

    /** @throws BrandingRefusal no draft, or a draft without any link */
    @Transactional
    public void publish(AccountId person, OrganizationId organization, String sourceAddress) {
        var id = lock(organization);
        var draft = store.find(id, Stage.DRAFT).orElseThrow(() -> new BrandingRefusal("branding.no-draft"));
        draft.publishable();
        var previous = store.find(id, Stage.PUBLISHED);
        store.delete(id, Stage.DRAFT);
        store.save(id, Stage.PUBLISHED, draft, person.value(), clock.instant());
        var kept = keys(Stream.of(Optional.of(draft)));
        forgetAfterCommit(keys(Stream.of(previous)).stream()
                .filter(k -> !kept.contains(k))
                .toList());
        events.publishEvent(new BrandingPublished(person.value(), id, sourceAddress, clock.instant()));
    }

    /** Discards the draft: the published version (if any) stays as it was. */
    @Transactional
    public void cancel(OrganizationId organization) {
        var id = lock(organization);
        var draft = store.find(id, Stage.DRAFT);
        if (draft.isEmpty()) {
            return;
        }
        var kept = keys(Stream.of(store.find(id, Stage.PUBLISHED)));
        store.delete(id, Stage.DRAFT);
        forgetAfterCommit(
                keys(Stream.of(draft)).stream().filter(k -> !kept.contains(k)).toList());
    }

    /** Erases every customisation of the organisation: it shows its nearest ancestor's again, or the plain look. */
    @Transactional
    public void reset(AccountId person, OrganizationId organization, String sourceAddress) {
        var id = lock(organization);
        var all = keys(Stream.of(store.find(id, Stage.DRAFT), store.find(id, Stage.PUBLISHED)));
        store.delete(id, Stage.DRAFT);
        store.delete(id, Stage.PUBLISHED);
        forgetAfterCommit(List.copyOf(all));
        events.publishEvent(new BrandingReset(person.value(), id, sourceAddress, clock.instant()));
    }

    /**
     * One change at a time per organisation: two managers saving at once would otherwise both
     * replace the same version, and one of them fail on the other's row.
     */
    private long lock(OrganizationId organization) {
        return organizations
                .lock(organization)
                .orElseThrow(fr.guichet.shared.NotFoundException::new)
                .id()
                .value();
    }

    /** The image's bytes, to be closed by the caller. */
    public InputStream open(StoredImage image) {
        try {
            return files.open(image.key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> keys(Stream<Optional<Branding>> versions) {
        var keys = new HashSet<String>();
        versions.flatMap(Optional::stream)
                .flatMap(b -> Stream.of(b.banner(), b.logo()))
                .filter(Objects::nonNull)
                .forEach(i -> keys.add(i.key()));
        return keys;
    }

    /** Files go once the rows that named them are gone for good: a rolled back change still finds its images. */
    private void forgetAfterCommit(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keys.forEach(files::delete);
            }
        });
    }
}
