package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketChanged;
import fr.guichet.helpdesk.TicketFiled;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.TicketView;
import fr.guichet.helpdesk.TransitionRefused;
import fr.guichet.helpdesk.reference.Category;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.reference.RequiredField;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing and acting on tickets. Who someone is to a ticket (its requester side, an agent, the
 * contractor it is handed to) is decided here from the records; what he may do is the lifecycle's
 * table; whoever is none of them does not see the ticket at all (404).
 */
@Component
public class Tickets {

    static final int TITLE_LIMIT = 100;

    /**
     * The agency's own exchanges: a contractor's proposed answer before the agency validates it, its
     * return to the contractor, an internal expert's opinion. The site is told the ticket moved, not
     * what was written.
     */
    static final Set<Action> INTERNAL = EnumSet.of(
            Action.CONTRACTOR_ANSWER,
            Action.RETURN_TO_CONTRACTOR,
            Action.ASK_EXPERT,
            Action.EXPERT_ANSWERED,
            Action.HAND_TO_CONTRACTOR,
            Action.TAKE_BACK,
            Action.DISPATCH,
            Action.TAKE);

    private final TicketRepository tickets;
    private final TicketExchangeRepository exchanges;
    private final HelpdeskReference reference;
    private final LevelTwoFiling levelTwo;
    private final Accounts accounts;
    private final TicketMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Reaches reaches;

    Tickets(
            TicketRepository tickets,
            TicketExchangeRepository exchanges,
            HelpdeskReference reference,
            LevelTwoFiling levelTwo,
            Accounts accounts,
            TicketMails mails,
            ApplicationEventPublisher events,
            Clock clock,
            Reaches reaches) {
        this.reaches = reaches;
        this.tickets = tickets;
        this.exchanges = exchanges;
        this.reference = reference;
        this.levelTwo = levelTwo;
        this.accounts = accounts;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** The form of a level-2 ticket, as typed; the version comes from the establishment's record. */
    public record LevelTwoForm(
            long categoryId,
            Priority priority,
            String domain,
            Nature nature,
            String internalReference,
            String messageCode,
            String title,
            String description,
            String followUpEmail) {}

    @Transactional
    public TicketId fileLevelTwo(AccountId person, OrganizationId establishment, LevelTwoForm form, Locale locale) {
        var category = activeCategory(form.categoryId());
        if (!category.filedByCorrespondents() || category.productId() == null) {
            throw new FilingRefused("helpdesk.filing.category-not-level-two");
        }
        var product = new ProductId(category.productId());
        var eligibility = levelTwo.check(person, establishment, product);
        if (form.priority() == null || form.nature() == null) {
            throw new FilingRefused("helpdesk.filing.priority-and-nature-required");
        }
        checkText(form.title(), form.description(), category);
        required(category, RequiredField.INTERNAL_REFERENCE, form.internalReference());
        required(category, RequiredField.MESSAGE_CODE, form.messageCode());
        required(category, RequiredField.DOMAIN, form.domain());
        var filed = new NewTicket(
                person,
                establishment.value(),
                product.value(),
                followUp(person, form.followUpEmail()),
                blankToNull(form.internalReference()),
                eligibility.version().versionId(),
                eligibility.version().label(),
                form.priority(),
                blankToNull(form.domain()),
                form.nature(),
                blankToNull(form.messageCode()),
                form.title().strip(),
                form.description().strip());
        return file(filed, category, locale);
    }

    /** A simple request: a category of the tree, a title, a description. */
    @Transactional
    public TicketId fileSimple(
            AccountId person, long categoryId, String title, String description, String followUpEmail, Locale locale) {
        var category = activeCategory(categoryId);
        var memberships = accounts.organizationsOf(person);
        var allowed = memberships.isEmpty() ? category.filedByExternals() : category.filedByMembers();
        if (!allowed) {
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
        return file(filed, category, locale);
    }

    private TicketId file(NewTicket filed, Category category, Locale locale) {
        var first = category.teamId() != null
                ? TicketState.of(TicketStatus.ECT)
                : TicketState.of(TicketStatus.NEW, SubStatus.FA);
        return file(filed, category, first, Action.FILE, Actor.REQUESTER, filed.requester());
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
            AccountId correspondent,
            SubStatus origin,
            LevelTwoForm form) {
        if (!accounts.isStaff(agent)) {
            throw new NotFoundException();
        }
        if (origin != SubStatus.VSR && origin != SubStatus.VA) {
            throw new FilingRefused("helpdesk.filing.on-behalf.origin-required");
        }
        var category = activeCategory(form.categoryId());
        if (!category.filedByCorrespondents() || category.productId() == null) {
            throw new FilingRefused("helpdesk.filing.category-not-level-two");
        }
        var product = new ProductId(category.productId());
        if (correspondent == null || !reference.isCorrespondent(correspondent, establishment, product)) {
            throw new FilingRefused("helpdesk.filing.on-behalf.correspondent-required");
        }
        var version = reference
                .installedVersion(establishment, product)
                .orElseThrow(() -> new FilingRefused("helpdesk.filing.on-behalf.no-installed-version"));
        if (form.priority() == null || form.nature() == null) {
            throw new FilingRefused("helpdesk.filing.priority-and-nature-required");
        }
        checkText(form.title(), form.description(), category);
        required(category, RequiredField.MESSAGE_CODE, form.messageCode());
        required(category, RequiredField.DOMAIN, form.domain());
        var filed = new NewTicket(
                correspondent,
                establishment.value(),
                product.value(),
                followUp(correspondent, form.followUpEmail()),
                blankToNull(form.internalReference()),
                version.versionId(),
                version.label(),
                form.priority(),
                blankToNull(form.domain()),
                form.nature(),
                blankToNull(form.messageCode()),
                form.title().strip(),
                form.description().strip());
        return file(
                filed, category, TicketState.of(TicketStatus.NEW, origin), Action.FILE_ON_BEHALF, Actor.AGENT, agent);
    }

    private TicketId file(
            NewTicket filed, Category category, TicketState first, Action action, Actor actor, AccountId author) {
        var now = clock.instant();
        var ticket = tickets.saveAndFlush(new Ticket(filed, category, first, now));
        exchanges.save(
                new TicketExchange(ticket.id(), action, actor, author.value(), null, first, filed.description(), now));
        mails.requesterSide(ticket, "ticket-filed", null);
        // the handling team at once; with no team yet, the agency's platform admins who dispatch
        var handlers = ticket.teamId() != null
                ? reference.teamMembers(ticket.teamId())
                : accounts.platformAdmins().stream().map(AccountId::value).toList();
        mails.tellStaff(ticket, handlers, filed.description());
        events.publishEvent(new TicketFiled(
                ticket.id(), filed.requester(), filed.establishmentId(), filed.productId(), first, now));
        return ticket.id();
    }

    /**
     * An act of a person on a ticket; {@code whom} names the contractor company of a hand-over, the
     * team of a dispatch, or the agent a ticket is assigned to (a take by oneself without it).
     */
    @Transactional
    public TicketState act(
            AccountId person, TicketId id, Action action, TicketState wanted, String text, Long whom, Locale locale) {
        var ticket = tickets.findById(id.value()).orElseThrow(NotFoundException::new);
        var roles = rolesOf(person, ticket);
        if (roles.isEmpty()) {
            throw new NotFoundException();
        }
        var actor = roles.stream()
                .filter(r -> Lifecycle.find(ticket.state(), action, r, wanted, ticket.simpleRequest())
                        .isPresent())
                .findFirst()
                .orElse(roles.iterator().next());
        // whom it names is checked only for an agent allowed the act: nobody else learns who is in which team
        if (whom != null
                && actor == Actor.AGENT
                && Lifecycle.find(ticket.state(), action, actor, wanted, ticket.simpleRequest())
                        .isPresent()) {
            checkWhom(action, whom, ticket);
        }
        return apply(ticket, action, actor, person, wanted, text, whom, locale);
    }

    private void checkWhom(Action action, long whom, Ticket ticket) {
        var known = switch (action) {
            case HAND_TO_CONTRACTOR -> reference.contractors().stream().anyMatch(c -> c.id() == whom);
            case DISPATCH -> reference.teams().stream().anyMatch(t -> t.id() == whom);
            // an agent of the ticket's team: he is the one who will see it
            case TAKE ->
                ticket.teamId() == null
                        ? accounts.isStaff(new AccountId(whom))
                        : reference.teamMembers(ticket.teamId()).contains(whom);
            default -> true;
        };
        if (!known) {
            throw new TransitionRefused(
                    action == Action.TAKE
                            ? "helpdesk.transition.unknown-agent"
                            : action == Action.DISPATCH
                                    ? "helpdesk.transition.unknown-team"
                                    : "helpdesk.transition.unknown-contractor");
        }
    }

    /** A dated complement of the requester side while the ticket is open; the handling agent is told. */
    @Transactional
    public void complement(AccountId person, TicketId id, String text, Locale locale) {
        var ticket = visible(person, id);
        if (!rolesOf(person, ticket).contains(Actor.REQUESTER)) {
            throw new TransitionRefused("helpdesk.transition.not-allowed");
        }
        ticket.requireOpen();
        if (text == null || text.isBlank()) {
            throw new TransitionRefused("helpdesk.transition.required.text");
        }
        record(ticket, Action.COMPLEMENT, Actor.REQUESTER, person, text);
        mails.tellHandlingAgent(ticket, text);
    }

    /** An agent requalifies priority, domain or nature; the requester side is told. */
    @Transactional
    public void requalify(
            AccountId person, TicketId id, Priority priority, String domain, Nature nature, Locale locale) {
        var ticket = visible(person, id);
        if (!rolesOf(person, ticket).contains(Actor.AGENT)) {
            throw new TransitionRefused("helpdesk.transition.not-allowed");
        }
        var changes = ticket.requalify(priority, domain, nature, clock.instant());
        if (changes != null) {
            record(ticket, Action.REQUALIFY, Actor.AGENT, person, changes);
            mails.requesterSide(ticket, "ticket-changed", changes);
        }
    }

    /** An agent pushes the waiting ticket's reminder and closure (a planned absence of the site). */
    @Transactional
    public void pushDeadlines(AccountId person, TicketId id, int businessDays) {
        var ticket = visible(person, id);
        if (!rolesOf(person, ticket).contains(Actor.AGENT)) {
            throw new TransitionRefused("helpdesk.transition.not-allowed");
        }
        ticket.pushDeadlines(businessDays, clock.instant());
        record(ticket, Action.PUSH_DEADLINES, Actor.AGENT, person, "+" + businessDays);
    }

    /** Links two tickets the person may both see (both ways); closed ones too: a follow-up links to its origin. */
    @Transactional
    public void link(AccountId person, TicketId id, TicketId other) {
        var ticket = visible(person, id);
        var linked = visible(person, other);
        var roles = rolesOf(person, ticket);
        if (!roles.contains(Actor.REQUESTER) && !roles.contains(Actor.AGENT)
                || ticket.id().equals(linked.id())) {
            throw new TransitionRefused("helpdesk.transition.not-allowed");
        }
        if (reference.linked(ticket.id()).contains(linked.id().value())) {
            return;
        }
        reference.link(ticket.id(), linked.id(), person);
        record(
                ticket,
                Action.LINK,
                roles.contains(Actor.AGENT) ? Actor.AGENT : Actor.REQUESTER,
                person,
                "#" + linked.id().value());
    }

    @Transactional(readOnly = true)
    List<TicketView> linked(AccountId person, TicketId id) {
        visible(person, id);
        return linkedVisibleTo(person, id);
    }

    /** The linked tickets this person may see too (a link may lead to another establishment's ticket). */
    private List<TicketView> linkedVisibleTo(AccountId person, TicketId id) {
        var reach = reaches.of(person);
        return tickets.findAllById(reference.linked(id)).stream()
                .map(Ticket::view)
                .filter(reach::allows)
                .toList();
    }

    @Transactional(readOnly = true)
    Set<Actor> rolesOf(AccountId person, TicketId id) {
        return rolesOf(person, visible(person, id));
    }

    private Ticket visible(AccountId person, TicketId id) {
        var ticket = tickets.findById(id.value()).orElseThrow(NotFoundException::new);
        if (rolesOf(person, ticket).isEmpty()) {
            throw new NotFoundException();
        }
        return ticket;
    }

    private void record(Ticket ticket, Action action, Actor actor, AccountId by, String text) {
        var state = ticket.state();
        exchanges.save(new TicketExchange(ticket.id(), action, actor, by.value(), state, state, text, clock.instant()));
        events.publishEvent(new TicketChanged(ticket.id(), action, actor, by, state, state, clock.instant()));
    }

    /** The business-day clock's acts (abandon, close without validation), by nobody. */
    @Transactional
    public void actAsSystem(TicketId id, Action action, Locale locale) {
        var ticket = tickets.findById(id.value()).orElseThrow(NotFoundException::new);
        apply(ticket, action, Actor.SYSTEM, null, null, null, null, locale);
    }

    private TicketState apply(
            Ticket ticket,
            Action action,
            Actor actor,
            AccountId by,
            TicketState wanted,
            String text,
            Long contractor,
            Locale locale) {
        if (action == Action.VALIDATE_CONTRACTOR_ANSWER && (text == null || text.isBlank())) {
            // the contractor's answer, validated, is the solution the site receives: as it was written
            text = lastText(ticket.id(), Action.CONTRACTOR_ANSWER);
        }
        var now = clock.instant();
        var from = ticket.act(action, actor, by, wanted, text, contractor, LocalDate.now(clock), now);
        var to = ticket.state();
        exchanges.save(
                new TicketExchange(ticket.id(), action, actor, by == null ? null : by.value(), from, to, text, now));
        mails.requesterSide(ticket, "ticket-changed", INTERNAL.contains(action) ? null : text);
        if (actor == Actor.REQUESTER || actor == Actor.CONTRACTOR) {
            mails.tellHandlingAgent(ticket, text);
        }
        if (action == Action.HAND_TO_CONTRACTOR && ticket.contractorId() != null) {
            mails.tellStaff(ticket, reference.contractorAgents(ticket.contractorId()), text);
        }
        if (action == Action.DISPATCH && ticket.teamId() != null) {
            mails.tellStaff(ticket, reference.teamMembers(ticket.teamId()), text);
        }
        if (action == Action.TAKE
                && ticket.handlingAgentId() != null
                && (by == null || ticket.handlingAgentId() != by.value())) {
            mails.tellStaff(ticket, List.of(ticket.handlingAgentId()), text);
        }
        events.publishEvent(new TicketChanged(ticket.id(), action, actor, by, from, to, now));
        return to;
    }

    @Transactional(readOnly = true)
    public TicketView find(AccountId person, TicketId id) {
        var ticket = tickets.findById(id.value()).orElseThrow(NotFoundException::new);
        if (rolesOf(person, ticket).isEmpty()) {
            throw new NotFoundException();
        }
        return ticket.view();
    }

    @Transactional(readOnly = true)
    List<TicketExchange.ExchangeView> exchanges(AccountId person, TicketId id) {
        var ticket = visible(person, id);
        return exchangesFor(rolesOf(person, ticket), id);
    }

    private String lastText(TicketId id, Action action) {
        var all = exchanges.findByTicketIdOrderByIdAsc(id.value());
        for (var i = all.size() - 1; i >= 0; i--) {
            var exchange = all.get(i).view();
            if (exchange.action() == action) {
                return exchange.text();
            }
        }
        return null;
    }

    /** The exchanges as this reader may read them: the requester side without the agency's internal texts. */
    private List<TicketExchange.ExchangeView> exchangesFor(Set<Actor> roles, TicketId id) {
        var agencySide = roles.contains(Actor.AGENT) || roles.contains(Actor.CONTRACTOR);
        return exchanges.findByTicketIdOrderByIdAsc(id.value()).stream()
                .map(TicketExchange::view)
                .map(e -> agencySide || !INTERNAL.contains(e.action()) ? e : e.withoutText())
                .toList();
    }

    /** Of these tickets, in this order, those the person may see now. */
    @Transactional(readOnly = true)
    public List<TicketView> visibleAmong(Reach reach, List<Long> ids) {
        var found = new HashMap<Long, TicketView>();
        tickets.findAllById(ids).forEach(t -> found.put(t.id().value(), t.view()));
        return ids.stream()
                .map(found::get)
                .filter(t -> t != null && reach.allows(t))
                .toList();
    }

    /** An act a person may do now on a ticket, as the ticket page offers it. */
    public record Offered(Action action, Action.Requirement requirement, List<TicketState> targets) {}

    /** Everything a ticket's page shows its reader, his roles worked out once. */
    public record Page(
            TicketView ticket,
            Set<Actor> roles,
            List<TicketExchange.ExchangeView> exchanges,
            List<Offered> offered,
            List<TicketView> linked) {

        public boolean mayComplement() {
            return ticket.state().status().open() && roles.contains(Actor.REQUESTER);
        }

        public boolean mayRequalify() {
            return ticket.state().status().open() && roles.contains(Actor.AGENT);
        }

        public boolean mayLink() {
            return roles.contains(Actor.REQUESTER) || roles.contains(Actor.AGENT);
        }
    }

    @Transactional(readOnly = true)
    public Page page(AccountId person, TicketId id) {
        var ticket = visible(person, id);
        var roles = rolesOf(person, ticket);
        return new Page(
                ticket.view(), roles, exchangesFor(roles, id), offered(ticket, roles), linkedVisibleTo(person, id));
    }

    private static List<Offered> offered(Ticket ticket, Set<Actor> roles) {
        if (!ticket.state().status().open()) {
            return List.of();
        }
        var byAction = new LinkedHashMap<Action, List<TicketState>>();
        for (var role : roles) {
            for (var t : Lifecycle.available(ticket.state(), role, ticket.simpleRequest())) {
                var targets = byAction.computeIfAbsent(t.action(), a -> new ArrayList<>());
                if (!t.to().resumes() && !targets.contains(t.to().state())) {
                    targets.add(t.to().state());
                }
            }
        }
        return byAction.entrySet().stream()
                .map(e -> new Offered(e.getKey(), e.getKey().requirement(), e.getValue()))
                .toList();
    }

    /** Who the person is to this ticket: the one rule, {@link Reach#roles}, that the search and the dashboards filter by too. */
    Set<Actor> rolesOf(AccountId person, Ticket ticket) {
        return reaches.of(person).roles(ticket.view());
    }

    private Category activeCategory(long id) {
        return reference.category(id).filter(Category::active).orElseThrow(NotFoundException::new);
    }

    /** A field the category makes required (the attachment is the form's to check: it comes with the upload). */
    private static void required(Category category, RequiredField field, String value) {
        if (category.requiredFields().contains(field) && (value == null || value.isBlank())) {
            throw new FilingRefused("helpdesk.filing.required." + field.name());
        }
    }

    private static void checkText(String title, String description, Category category) {
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

    private String followUp(AccountId person, String typed) {
        if (typed != null && !typed.isBlank()) {
            var address = typed.strip().toLowerCase(Locale.ROOT);
            if (!address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || address.length() > 254) {
                throw new FilingRefused("helpdesk.filing.follow-up-email-invalid");
            }
            return address;
        }
        return accounts.find(person).map(PersonView::email).orElseThrow();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
