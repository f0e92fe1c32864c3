package fr.guichet.knowledge;

import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Publication;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.shared.SearchAnalysis;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * A published ticket as anyone may read it ("fiche"): redacted when written, so that the
 * index, the pages and the API only ever hold what the public may see. An agent may rewrite its
 * texts (kept until the ticket's own texts change) or withdraw it (for good).
 */
@Entity
@Table(name = "kb_sheet")
@Indexed(index = KnowledgeSearch.INDEX)
class Sheet {

    @Id
    @GenericField(sortable = Sortable.YES)
    private Long number;

    @KeywordField
    @Enumerated(EnumType.STRING)
    private Publication publication;

    @GenericField
    private boolean withdrawn;

    @KeywordField(aggregable = Aggregable.YES)
    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "sub_status")
    private SubStatus subStatus;

    @GenericField(aggregable = Aggregable.YES)
    @Column(name = "product_id")
    private Long productId;

    @Column(name = "product_name")
    private String productName;

    @KeywordField(normalizer = SearchAnalysis.CODE)
    @Column(name = "version_label")
    private String versionLabel;

    @KeywordField(normalizer = SearchAnalysis.CODE)
    @Column(name = "fixed_version")
    private String fixedVersion;

    @KeywordField(normalizer = SearchAnalysis.CODE)
    private String domain;

    @Enumerated(EnumType.STRING)
    private Nature nature;

    @KeywordField(normalizer = SearchAnalysis.CODE)
    @Column(name = "message_code")
    private String messageCode;

    @FullTextField(analyzer = SearchAnalysis.FRENCH, searchAnalyzer = SearchAnalysis.FRENCH_QUERY)
    private String title;

    @FullTextField(analyzer = SearchAnalysis.FRENCH, searchAnalyzer = SearchAnalysis.FRENCH_QUERY)
    private String description;

    @FullTextField(analyzer = SearchAnalysis.FRENCH, searchAnalyzer = SearchAnalysis.FRENCH_QUERY)
    private String answer;

    @Column(name = "source_digest")
    private String sourceDigest;

    @Column(name = "edited_by")
    private Long editedBy;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @GenericField(sortable = Sortable.YES)
    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Sheet() {}

    Sheet(long number) {
        this.number = number;
    }

    /**
     * The ticket as redaction left it. Each of its texts replaces the sheet's only when the ticket's
     * own text changed: a new solution is news, while a text published once stays as it was
     * redacted then (or as an agent cleaned it) — someone who has since left the site, and so
     * dropped out of the redaction's list, does not reappear in it.
     */
    void follow(RedactedTicket ticket, Instant now) {
        this.publication = ticket.publication();
        this.status = ticket.state().status();
        this.subStatus = ticket.state().sub();
        this.productId = ticket.productId();
        this.productName = ticket.productName();
        this.versionLabel = ticket.versionLabel();
        this.fixedVersion = ticket.fixedVersion();
        this.domain = ticket.domain();
        this.nature = ticket.nature();
        this.messageCode = ticket.messageCode();
        this.openedAt = ticket.openedAt();
        this.answeredAt = ticket.answeredAt();
        var digest = ticket.digest();
        if (changed(digest, TITLE)) {
            this.title = ticket.title();
        }
        if (changed(digest, DESCRIPTION)) {
            this.description = ticket.description();
        }
        if (changed(digest, ANSWER)) {
            this.answer = ticket.answer();
        }
        this.sourceDigest = digest;
        this.updatedAt = now;
    }

    /** An agent's rewrite of what the public reads (he removes what redaction could not know of). */
    void rewrite(String newTitle, String newDescription, String newAnswer, long agent, Instant now) {
        if (newTitle == null || newTitle.isBlank() || newDescription == null || newDescription.isBlank()) {
            throw new SheetRefused("knowledge.edit.title-and-description-required");
        }
        if (newTitle.strip().length() > TITLE_LIMIT) {
            throw new SheetRefused("knowledge.edit.title-too-long");
        }
        if (newDescription.strip().length() > TEXT_LIMIT
                || newAnswer != null && newAnswer.strip().length() > TEXT_LIMIT) {
            throw new SheetRefused("knowledge.edit.text-too-long");
        }
        this.title = newTitle.strip();
        this.description = newDescription.strip();
        this.answer = newAnswer == null || newAnswer.isBlank() ? null : newAnswer.strip();
        this.editedBy = agent;
        this.editedAt = now;
        this.updatedAt = now;
    }

    /** Withdrawn for good: the ticket's later changes do not bring it back. */
    void withdraw(Instant now) {
        this.withdrawn = true;
        this.updatedAt = now;
    }

    boolean shown() {
        return publication.published() && !withdrawn;
    }

    private static final int TITLE = 0;
    private static final int DESCRIPTION = 1;
    private static final int ANSWER = 2;
    private static final int DIGEST_PART = 16;

    private boolean changed(String digest, int part) {
        return sourceDigest == null
                || !sourceDigest.regionMatches(part * DIGEST_PART, digest, part * DIGEST_PART, DIGEST_PART);
    }

    static final int TITLE_LIMIT = 200;
    static final int TEXT_LIMIT = 20000;

    SheetView view() {
        return new SheetView(
                number,
                publication,
                status,
                subStatus,
                productId,
                productName,
                versionLabel,
                fixedVersion,
                domain,
                nature,
                messageCode,
                title,
                description,
                answer,
                openedAt,
                answeredAt,
                editedAt != null);
    }
}
