package fr.guichet.news;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.documents.FileStore;
import fr.guichet.documents.UploadLimits;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.shared.Markdown;
import fr.guichet.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The announcements' API and their one write path: agents write, schedule and withdraw them; the
 * people they aim at read them. Publishing only records the announcement: its audience is fixed and
 * told by {@link AnnouncementSending}, so an agent's click answers at once whatever the audience.
 */
@Service
public class Announcements {

    /** What an announcement may carry: documents people open anywhere, 10 MB at most. */
    static final UploadLimits ATTACHMENTS = new UploadLimits(
            10L * 1024 * 1024,
            Set.of(
                    "application/pdf",
                    "image/png",
                    "image/jpeg",
                    "text/plain",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "application/vnd.oasis.opendocument.text",
                    "application/vnd.oasis.opendocument.spreadsheet"));

    /** The announcements shown to :person at :now: published, not past their end, to everyone or to him. */
    private static final String SHOWN_TO_PERSON = """
            a.status in ('SENDING', 'SENT') and (a.expires_at is null or a.expires_at > :now)
              and (a.everyone or exists (select 1 from announcement_recipient r
                                         where r.announcement_id = a.id and r.account_id = :person))""";

    /** A file to attach, as uploaded. */
    public record Upload(String fileName, InputStream content) {}

    /** A page of a person's announcements, newest first, and how many he has not read. */
    public record Page(List<AnnouncementView> items, int unread, boolean more) {}

    private final AnnouncementRepository repository;
    private final Audience audience;
    private final Accounts accounts;
    private final CorrespondentSites products;
    private final FileStore files;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Announcements(
            AnnouncementRepository repository,
            Audience audience,
            Accounts accounts,
            CorrespondentSites products,
            FileStore files,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.audience = audience;
        this.accounts = accounts;
        this.products = products;
        this.files = files;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * How many people the target reaches today, before anything is saved: the preview an agent reads
     * before publishing.
     */
    @Transactional(readOnly = true)
    public int reach(AccountId agent, Target target) {
        accounts.requireStaff(agent);
        audience.check(target);
        return audience.of(target).size();
    }

    /** Refuses a target naming what does not exist: another module's audience is checked as announcements' are. */
    @Transactional(readOnly = true)
    public void checkTarget(Target target) {
        audience.check(target);
    }

    /** Whether a target reaches this person today: who may see and register for an event aimed at it. */
    @Transactional(readOnly = true)
    public boolean reaches(Target target, AccountId person) {
        return audience.includes(target, person);
    }

    /**
     * Records the announcement for its date; the attachment, if any, is stored first and forgotten
     * again if the announcement is refused.
     *
     * @throws AnnouncementRefusal a field out of bounds, a target naming nothing that exists
     * @throws fr.guichet.documents.FileRefused an attachment too large or of a type not allowed
     */
    @Transactional
    public long publish(AccountId agent, AnnouncementDraft draft, @Nullable Upload upload) {
        accounts.requireStaff(agent);
        audience.check(draft.target());
        if (draft.productId() != null
                && products.productName(new ProductId(draft.productId())).isEmpty()) {
            throw new AnnouncementRefusal("news.refused.unknown-product");
        }
        Announcement.Attachment attachment = null;
        if (upload != null) {
            try {
                var stored = files.store(upload.content(), upload.fileName(), ATTACHMENTS);
                attachment = new Announcement.Attachment(
                        stored.key(), safeName(upload.fileName()), stored.contentType(), stored.size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return repository
                    .saveAndFlush(new Announcement(draft, attachment, agent.value(), clock.instant()))
                    .id();
        } catch (RuntimeException refused) {
            if (attachment != null) {
                files.delete(attachment.key());
            }
            throw refused;
        }
    }

    /**
     * A published release on its product's correspondents' home pages and news, in the release's
     * transaction. Not e-mailed: the release's own e-mail told them, as each chose (alert RELEASES).
     */
    @Transactional
    public long announceRelease(AccountId agent, ProductId product, String title, String body) {
        accounts.requireStaff(agent);
        // a release's title may be as long as an announcement's: the product's name and version come first
        var shown = title.length() <= 200 ? title : title.substring(0, 199).strip() + "…";
        var draft = new AnnouncementDraft(
                shown,
                body.length() <= 50_000 ? body : body.substring(0, 49_999) + "…",
                AnnouncementKind.VERSION_DELIVERY,
                product.value(),
                null,
                null,
                new Target(false, Map.of(Criterion.CORRESPONDENTS, Set.of(product.value() + ":BOTH"))));
        var announcement = new Announcement(draft, null, agent.value(), clock.instant());
        announcement.silence();
        return repository.saveAndFlush(announcement).id();
    }

    @Transactional
    public void withdraw(AccountId agent, long id) {
        accounts.requireStaff(agent);
        var announcement = repository.findById(id).orElseThrow(NotFoundException::new);
        announcement.withdraw();
        events.publishEvent(new AnnouncementWithdrawn(id, agent.value(), announcement.title(), clock.instant()));
    }

    /** Every announcement, newest first, with how far its sending went: the agents' list. */
    @Transactional(readOnly = true)
    public List<AnnouncementView> all(AccountId agent, int page, int size) {
        accounts.requireStaff(agent);
        return repository.findByOrderByPublishAtDescIdDesc(PageRequest.of(page, size)).stream()
                .map(a -> view(a, false, true))
                .toList();
    }

    /** For agents, any; for a person, one that is published, not expired, and aimed at him. */
    @Transactional(readOnly = true)
    public Optional<AnnouncementView> find(AccountId viewer, long id) {
        var announcement = repository.findById(id);
        if (announcement.isEmpty()) {
            return Optional.empty();
        }
        if (accounts.isStaff(viewer)) {
            return Optional.of(view(announcement.get(), read(viewer, id), true));
        }
        return visibleTo(viewer, announcement.get())
                ? Optional.of(view(announcement.get(), read(viewer, id), false))
                : Optional.empty();
    }

    /** The announcement's attachment, for whoever may see it; empty when it has none. */
    @Transactional(readOnly = true)
    public Optional<AttachmentDownload> attachment(AccountId viewer, long id) {
        var announcement = repository.findById(id).orElse(null);
        if (announcement == null
                || announcement.attachment() == null
                || !(accounts.isStaff(viewer) || visibleTo(viewer, announcement))) {
            return Optional.empty();
        }
        var attachment = announcement.attachment();
        return Optional.of(new AttachmentDownload(
                attachment.name(), attachment.contentType(), attachment.size(), () -> {
                    try {
                        return files.open(attachment.key());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    /** A file to stream: opened only when the response is written. */
    public record AttachmentDownload(String name, String contentType, long size, Supplier<InputStream> content) {}

    /** The person's announcements, newest first, those to everyone among them. */
    @Transactional(readOnly = true)
    public Page forPerson(AccountId person, int page, int size) {
        var now = Timestamp.from(clock.instant());
        var ids = jdbc.sql("""
                        select a.id from announcement a where %s
                        order by a.publish_at desc, a.id desc
                        offset :offset rows fetch first :limit rows only""".formatted(SHOWN_TO_PERSON))
                .param("now", now)
                .param("person", person.value())
                .param("offset", page * size)
                .param("limit", size + 1)
                .query(Long.class)
                .list();
        var read = Set.copyOf(
                ids.isEmpty()
                        ? List.<Long>of()
                        : jdbc.sql(
                                        "select announcement_id from announcement_read where account_id = :person and announcement_id in (:ids)")
                                .param("person", person.value())
                                .param("ids", ids)
                                .query(Long.class)
                                .list());
        var items = repository.findAllById(ids.subList(0, Math.min(size, ids.size()))).stream()
                .sorted(Comparator.comparing(Announcement::publishAt)
                        .thenComparing(Announcement::id)
                        .reversed())
                .map(a -> view(a, read.contains(a.id()), false))
                .toList();
        return new Page(items, unread(person), ids.size() > size);
    }

    /** How many of the person's announcements he has not opened: the home page's mark. */
    @Transactional(readOnly = true)
    public int unread(AccountId person) {
        return jdbc.sql("""
                        select count(*) from announcement a where %s
                          and not exists (select 1 from announcement_read d
                                          where d.announcement_id = a.id and d.account_id = :person)""".formatted(SHOWN_TO_PERSON))
                .param("now", Timestamp.from(clock.instant()))
                .param("person", person.value())
                .query(Integer.class)
                .single();
    }

    /** Idempotent: opening it twice is one reading. */
    @Transactional
    public void markRead(AccountId person, long id) {
        jdbc.sql("""
                        insert into announcement_read (announcement_id, account_id, read_at)
                        select :id, :person, :now where not exists
                          (select 1 from announcement_read where announcement_id = :id and account_id = :person)""")
                .param("id", id)
                .param("person", person.value())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The same rule as the lists', asked of one announcement. */
    private boolean visibleTo(AccountId person, Announcement announcement) {
        return jdbc.sql("select count(*) from announcement a where a.id = :id and %s".formatted(SHOWN_TO_PERSON))
                        .param("id", announcement.id())
                        .param("now", Timestamp.from(clock.instant()))
                        .param("person", person.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private boolean read(AccountId person, long id) {
        return jdbc.sql("select count(*) from announcement_read where announcement_id = ? and account_id = ?")
                        .params(id, person.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    AnnouncementView view(Announcement a, boolean read, boolean forStaff) {
        var attachment = a.attachment();
        return new AnnouncementView(
                a.id(),
                a.title(),
                Markdown.toSafeHtml(a.body()),
                a.kind(),
                a.productId() == null
                        ? null
                        : products.productName(new ProductId(a.productId())).orElse(null),
                a.publishAt(),
                a.expiresAt(),
                a.status(),
                forStaff ? a.audienceSize() : null,
                forStaff ? a.told() : null,
                read,
                attachment == null ? null : attachment.name());
    }

    /** A name safe in a Content-Disposition header and on any disk: the path and control characters go. */
    private static String safeName(String name) {
        var base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (base.isEmpty()) {
            return "piece-jointe";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
