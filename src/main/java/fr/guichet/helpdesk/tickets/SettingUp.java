package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.OrganizationId;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The setting-up of the helpdesk through its own services, as its pages would. */
@Component
class SettingUp implements HelpdeskSetup {

    private final ReferenceSetup reference;
    private final TicketFiling filing;
    private final TicketActs acts;

    SettingUp(ReferenceSetup reference, TicketFiling filing, TicketActs acts) {
        this.reference = reference;
        this.filing = filing;
        this.acts = acts;
    }

    @Override
    public TicketId levelTwoTicket(
            AccountId correspondent,
            OrganizationId establishment,
            long category,
            Priority priority,
            Nature nature,
            String messageCode,
            String title,
            String description) {
        var form = new LevelTwoForm(
                new CategoryId(category), priority, null, nature, null, messageCode, title, description, null);
        return filing.fileLevelTwo(correspondent, establishment, form);
    }

    @Override
    public void takeAndAsk(AccountId agent, TicketId ticket, String question) {
        acts.act(agent, ticket, Action.TAKE, null, null, null);
        acts.act(agent, ticket, Action.ASK_SITE, null, question, null);
    }

    @Override
    public void solve(AccountId agent, AccountId requester, TicketId ticket, String solution) {
        acts.act(agent, ticket, Action.TAKE, null, null, null);
        acts.act(agent, ticket, Action.SEND_SOLUTION, null, solution, null);
        acts.act(requester, ticket, Action.VALIDATE_SOLUTION, null, null, null);
    }

    @Override
    public void putToDecision(AccountId agent, TicketId ticket) {
        acts.act(agent, ticket, Action.TAKE, null, null, null);
        acts.act(agent, ticket, Action.PUT_TO_DECISION, TicketState.of(TicketStatus.ATD, SubStatus.DMF), null, null);
    }

    @Override
    @Transactional
    public void domains(ProductId product, List<String> names) {
        names.forEach(name -> reference.defineDomain(product, name));
    }

    @Override
    @Transactional
    public ProductId product(
            String code, String name, String guidance, List<String> versions, List<Boolean> maintained) {
        var id = reference.defineProduct(code, name, guidance);
        for (int i = 0; i < versions.size(); i++) {
            reference.defineVersion(id, versions.get(i), maintained.get(i));
        }
        return id;
    }

    @Override
    @Transactional
    public void correspondent(
            OrganizationId establishment, ProductId product, AccountId person, CorrespondentKind kind) {
        reference.nameCorrespondent(establishment, product, person, kind, null);
    }

    @Override
    @Transactional
    public void installedVersion(OrganizationId establishment, ProductId product, String label) {
        var version = reference.versionId(product, label);
        reference.validateInstalledVersion(establishment, product, version, null);
    }

    @Override
    @Transactional
    public long team(String name, List<AccountId> agents) {
        return reference.defineTeam(name, agents);
    }

    @Override
    public long contractor(String name, List<AccountId> agents) {
        return reference.defineContractor(name, agents);
    }

    @Override
    @Transactional
    public long levelTwoCategory(String name, ProductId product, long team) {
        return reference.defineCategory(null, name, product, true, false, false, true, true, team);
    }

    @Override
    @Transactional
    public long simpleCategory(String name, long team) {
        return reference.defineCategory(null, name, null, false, true, true, false, false, team);
    }
}
