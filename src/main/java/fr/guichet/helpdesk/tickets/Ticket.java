package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.TicketView;
import fr.guichet.helpdesk.TransitionRefused;
import fr.guichet.helpdesk.reference.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A ticket. Its status moves only through {@link #act}, which asks the lifecycle's table; the
 * acts' side effects on who handles it (the agent who takes it, the contractor it is handed to)
 * and on the site's clock ({@link SiteWait}) live here too. How it is indexed is the search
 * module's business, not the ticket's.
 */
@NamedInterface("search")
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "category_id")
    private long categoryId;

    @Column(name = "product_id")
    private Long productId;

    @Column(name = "establishment_id")
    private Long establishmentId;

    @Column(name = "requester_id")
    private long requesterId;

    @Column(name = "follow_up_email")
    private String followUpEmail;

    @Column(name = "internal_reference")
    private String internalReference;

    @Embedded
    private Statement statement;

    // null when the site gave none and no agent requalified it yet, as for Handling
    @Embedded
    private @Nullable Qualification qualification;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "sub_status")
    private SubStatus subStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "before_question_sub")
    private SubStatus beforeQuestionSub;

    @Column(name = "simple_request")
    private boolean simpleRequest;

    // all its columns are null on a ticket no one handles yet, and then Hibernate loads none
    @Embedded
    private @Nullable Handling handling;

    @Embedded
    private SiteWait siteWait = new SiteWait();

    @Column(name = "fixed_version")
    private String fixedVersion;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "first_replied_at")
    private Instant firstRepliedAt;

    @Version
    private long version;

    protected Ticket() {}

    Ticket(TicketFiling.NewTicket filed, Category category, TicketState first, Instant now) {
        this.categoryId = category.id();
        this.productId = filed.productId();
        this.establishmentId = filed.establishmentId();
        this.requesterId = filed.requester().value();
        this.followUpEmail = filed.followUpEmail();
        this.internalReference = filed.internalReference();
        this.qualification = new Qualification(filed.priority(), filed.domain(), filed.nature());
        this.statement = new Statement(
                filed.title(),
                filed.description(),
                filed.messageCode(),
                filed.installedVersionId(),
                filed.versionLabel());
        this.simpleRequest = category.simpleRequests();
        this.handling = new Handling(category.teamId());
        this.status = first.status();
        this.subStatus = first.sub();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Does the act if the table allows it for this actor, and returns the state left behind.
     *
     * @param wanted for acts with several targets (ATD/INF or ATD/DMF), the one chosen; else null
     * @param text the act's text (question, answer, solution, reason, version), as its requirement says
     * @param whom for a hand-over, the contractor company; a dispatch, the team (none: the category's);
     *     a take, the agent it is assigned to (none: the one who takes it)
     */
    TicketState act(
            Action action,
            Actor actor,
            @Nullable AccountId by,
            @Nullable TicketState wanted,
            @Nullable String text,
            @Nullable Assignment whom,
            LocalDate today,
            Instant now) {
        var before = state();
        var next = Lifecycle.next(before, beforeQuestionSub, action, actor, wanted, text, simpleRequest);
        handling().follow(action, whom, by);
        if (next.status() == TicketStatus.ARS) {
            this.beforeQuestionSub = before.sub();
        }
        if (action == Action.SOLUTION_FIXED_IN_VERSION) {
            this.fixedVersion = text.strip();
        }
        var waits = next.status() == TicketStatus.ARS || next.status() == TicketStatus.AVS;
        siteWait.restart(waits, today);
        if (firstRepliedAt == null && Lifecycle.FIRST_REPLIES.contains(action)) {
            this.firstRepliedAt = now;
        }
        this.status = next.status();
        this.subStatus = next.sub();
        this.updatedAt = now;
        if (!next.status().open()) {
            this.closedAt = now;
        }
        return before;
    }

    /** A dated complement of the requester side, or any other act that keeps the state: only while open. */
    void requireOpen() {
        if (!status.open()) {
            throw new TransitionRefused("helpdesk.transition.closed");
        }
    }

    /** The agent's requalification; the text of what changed, or null when nothing did. */
    @Nullable
    String requalify(Priority newPriority, String newDomain, Nature newNature, Instant now) {
        requireOpen();
        var changes = qualification().requalify(newPriority, newDomain, newNature);
        if (changes != null) {
            this.updatedAt = now;
        }
        return changes;
    }

    /**
     * An agent pushes the site's reminder and closure by some business days (a planned absence);
     * only while the ticket waits for the site.
     */
    void pushDeadlines(int businessDays, Instant now) {
        // a closed ticket waits for no one: every act that closes stops the clock
        siteWait.push(businessDays);
        this.updatedAt = now;
    }

    /** The site was reminded of the question or the solution waiting for it (the clock's first step). */
    void reminded(LocalDate today, Instant now) {
        siteWait.reminded(today);
        this.updatedAt = now;
    }

    SiteWait siteWait() {
        return siteWait;
    }

    TicketId id() {
        return new TicketId(id);
    }

    CategoryId categoryId() {
        return new CategoryId(categoryId);
    }

    TicketState state() {
        return new TicketState(status, subStatus);
    }

    AccountId requester() {
        return new AccountId(requesterId);
    }

    Long establishmentId() {
        return establishmentId;
    }

    Long productId() {
        return productId;
    }

    Handling handling() {
        if (handling == null) {
            handling = new Handling(null);
        }
        return handling;
    }

    String followUpEmail() {
        return followUpEmail;
    }

    Statement statement() {
        return statement;
    }

    boolean simpleRequest() {
        return simpleRequest;
    }

    Qualification qualification() {
        if (qualification == null) {
            qualification = new Qualification(null, null, null);
        }
        return qualification;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant firstRepliedAt() {
        return firstRepliedAt;
    }

    public TicketView view() {
        return new TicketView(
                id(),
                statement.title(),
                statement.description(),
                state(),
                simpleRequest,
                qualification().priority(),
                qualification().nature(),
                qualification().domain(),
                statement.messageCode(),
                statement.versionLabel(),
                fixedVersion,
                internalReference,
                requester(),
                establishmentId,
                productId,
                createdAt,
                updatedAt,
                closedAt,
                firstRepliedAt,
                siteWait.since(),
                siteWait.pushedDays(),
                handling().team(),
                handling().agent(),
                handling().contractor(),
                siteWait.remindedOn());
    }
}
