package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketFiled;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.reference.Category;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.reference.InstalledVersion;
import fr.guichet.helpdesk.reference.RequiredField;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three ways a ticket is filed: a level-2 ticket ("DA") by a correspondent for his
 * establishment, a simple request by anyone in a category open to him, and a level-2 ticket an agent
 * files for a site. Each checks who may file what, then all go through one path: the ticket, its
 * first exchange, the e-mails and the event, in one transaction.
 */
@Component
public class TicketFiling {

    static final int TITLE_LIMIT = 100;
    static final int REFERENCE_LIMIT = 50;

    /** What is filed: the form's fields, with the version the establishment's record gives (never typed). */
    record NewTicket(
            AccountId requester,
            @Nullable Long establishmentId,
            @Nullable Long productId,
            String followUpEmail,
            @Nullable String internalReference,
            @Nullable Long installedVersionId,
            @Nullable String versionLabel,
            @Nullable Priority priority,
            @Nullable String domain,
            @Nullable Nature nature,
            @Nullable String messageCode,
            String title,
            String description) {}

    private final TicketRepository tickets;
    private final HelpdeskReference reference;
    private final LevelTwoFiling levelTwo;
    private final Accounts accounts;
    private final TicketJournal journal;
    private final TicketMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketFiling(
            TicketRepository tickets,
            HelpdeskReference reference,
            LevelTwoFiling levelTwo,
            Accounts accounts,
            TicketJournal journal,
            TicketMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tickets = tickets;
        this.reference = reference;
        this.levelTwo = levelTwo;
        this.accounts = accounts;
        this.journal = journal;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** A correspondent files for his establishment, with the version the agency validated there. */
    @Transactional
    public TicketId fileLevelTwo(AccountId person, OrganizationId establishment, LevelTwoForm form) {
        var category = levelTwoCategory(form.categoryId());
        var product = productOf(category);
        var version = levelTwo.check(person, establishment, product).version();
        var filed = levelTwoTicket(person, establishment, product, version, form, category, true);
        return file(filed, category, firstState(category), Action.FILE, Actor.REQUESTER, person);
    }

    /** A simple request: a category of the tree, a title, a description. */
    @Transactional
    public TicketId fileSimple(
            AccountId person,
            CategoryId categoryId,
            @Nullable String title,
            @Nullable String description,
            @Nullable String followUpEmail) {
        var category = activeCategory(categoryId);
        var member = !accounts.organizationsOf(person).isEmpty();
        if (!(member ? category.filedByMembers() : category.filedByExternals())) {
            throw new FilingRefused("helpdesk.filing.category-not-yours");
        }
        checkText(title, description, category);
        var filed = new NewTicket(
                person,
                null,
                category.productId(),
                followUp(person, followUpEmail),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                title.strip(),
                description.strip());
        return file(filed, category, firstState(category), Action.FILE, Actor.REQUESTER, person);
    }

    /**
     * An agent files a level-2 ticket for a site (the VSR / VA origins): it waits in NEW to be
     * dispatched; its requester is the correspondent he names (the site's side follows it as if the
     * site had filed it), its version the site's validated one.
     */
    @Transactional
    public TicketId fileOnBehalf(
            AccountId agent,
            OrganizationId establishment,
            @Nullable AccountId correspondent,
            @Nullable SubStatus origin,
            LevelTwoForm form) {
        if (!accounts.isStaff(agent)) {
            throw new NotFoundException();
        }
        if (origin != SubStatus.VSR && origin != SubStatus.VA) {
            throw new FilingRefused("helpdesk.filing.on-behalf.origin-required");
        }
        var category = levelTwoCategory(form.categoryId());
        var product = productOf(category);
        if (correspondent == null || !reference.isCorrespondent(correspondent, establishment, product)) {
            throw new FilingRefused("helpdesk.filing.on-behalf.correspondent-required");
        }
        var version = reference
                .installedVersion(establishment, product)
                .orElseThrow(() -> new FilingRefused("helpdesk.filing.on-behalf.no-installed-version"));
        var filed = levelTwoTicket(correspondent, establishment, product, version, form, category, false);
        return file(
                filed, category, TicketState.of(TicketStatus.NEW, origin), Action.FILE_ON_BEHALF, Actor.AGENT, agent);
    }

    private TicketId file(
            NewTicket filed, Category category, TicketState first, Action action, Actor actor, AccountId author) {
        var now = clock.instant();
        var ticket = tickets.saveAndFlush(new Ticket(filed, category, first, now));
        journal.filed(ticket, action, actor, author, filed.description(), now);
        mails.filed(ticket, filed.description());
        events.publishEvent(new TicketFiled(
                ticket.id(), filed.requester(), filed.establishmentId(), filed.productId(), first, now));
        return ticket.id();
    }

    /** A category with a team starts in progress (ECT) with it; else it waits to be dispatched (NEW/FA). */
    private static TicketState firstState(Category category) {
        return category.teamId() != null
                ? TicketState.of(TicketStatus.ECT)
                : TicketState.of(TicketStatus.NEW, SubStatus.FA);
    }

    /**
     * A level-2 form's checks and fields, whoever files it. The internal reference is the site's own
     * numbering: required of the site when its category says so, never of an agent filing for it.
     */
    private NewTicket levelTwoTicket(
            AccountId requester,
            OrganizationId establishment,
            ProductId product,
            InstalledVersion version,
            LevelTwoForm form,
            Category category,
            boolean bySite) {
        if (form.priority() == null || form.nature() == null) {
            throw new FilingRefused("helpdesk.filing.priority-and-nature-required");
        }
        checkText(form.title(), form.description(), category);
        checkReferences(form.internalReference(), form.messageCode());
        if (bySite) {
            required(category, RequiredField.INTERNAL_REFERENCE, form.internalReference());
        }
        required(category, RequiredField.MESSAGE_CODE, form.messageCode());
        required(category, RequiredField.DOMAIN, form.domain());
        return new NewTicket(
                requester,
                establishment.value(),
                product.value(),
                followUp(requester, form.followUpEmail()),
                blankToNull(form.internalReference()),
                version.versionId(),
                version.label(),
                form.priority(),
                ProductDomains.of(reference, product).chosen(form.domain()),
                form.nature(),
                blankToNull(form.messageCode()),
                form.title().strip(),
                form.description().strip());
    }

    private Category levelTwoCategory(CategoryId id) {
        var category = activeCategory(id);
        if (!category.filedByCorrespondents() || category.productId() == null) {
            throw new FilingRefused("helpdesk.filing.category-not-level-two");
        }
        return category;
    }

    private static ProductId productOf(Category category) {
        return new ProductId(category.productId());
    }

    private Category activeCategory(CategoryId id) {
        return reference.category(id).filter(Category::active).orElseThrow(NotFoundException::new);
    }

    /** A field the category makes required (the attachment is the form's to check: it comes with the upload). */
    private static void required(Category category, RequiredField field, @Nullable String value) {
        if (category.requiredFields().contains(field) && (value == null || value.isBlank())) {
            throw new FilingRefused("helpdesk.filing.required." + field.name());
        }
    }

    private static void checkText(@Nullable String title, @Nullable String description, Category category) {
        if (title == null || title.isBlank() || description == null || description.isBlank()) {
            throw new FilingRefused("helpdesk.filing.title-and-description-required");
        }
        if (title.strip().length() > TITLE_LIMIT) {
            throw new FilingRefused("helpdesk.filing.title-too-long", TITLE_LIMIT);
        }
        if (description.strip().length() > category.descriptionLimit()) {
            throw new FilingRefused("helpdesk.filing.description-too-long", category.descriptionLimit());
        }
    }

    /** The site's reference and the message code fit their columns (longer ones were a 500). */
    private static void checkReferences(@Nullable String internalReference, @Nullable String messageCode) {
        if (internalReference != null && internalReference.strip().length() > REFERENCE_LIMIT) {
            throw new FilingRefused("helpdesk.filing.internal-reference-too-long", REFERENCE_LIMIT);
        }
        if (messageCode != null && messageCode.strip().length() > REFERENCE_LIMIT) {
            throw new FilingRefused("helpdesk.filing.message-code-too-long", REFERENCE_LIMIT);
        }
    }

    private String followUp(AccountId person, @Nullable String typed) {
        if (typed != null && !typed.isBlank()) {
            var address = typed.strip().toLowerCase(Locale.ROOT);
            if (!address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || address.length() > 254) {
                throw new FilingRefused("helpdesk.filing.follow-up-email-invalid");
            }
            return address;
        }
        return accounts.find(person).map(PersonView::email).orElseThrow();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
