package fr.guichet.helpdesk.tickets;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.ContractorId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TeamId;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.TicketView;
import fr.guichet.helpdesk.TransitionRefused;
import fr.guichet.helpdesk.calendar.AgencyCalendar;
import fr.guichet.helpdesk.calendar.DueDates;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.helpdesk.reference.RequiredField;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A level-2 ticket through the agency's lifecycle, and a simple request, on the real database. */
@IntegrationTest
class TicketsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFiling filing;

    @Autowired
    TicketActs acts;

    @Autowired
    TicketSideActs sideActs;

    @Autowired
    ReferenceSetup reference;

    @Autowired
    AgencyCalendar agencyCalendar;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    DueDates dueDates;

    @Autowired
    Clock clock;

    String domain;
    OrganizationId establishment;
    AccountId correspondent;
    AccountId otherCorrespondent;
    AccountId agent;
    AccountId contractorAgent;
    AccountId otherContractorAgent;
    long contractor;
    long category;
    long team;

    @BeforeEach
    void productCorrespondentsTeamAndContractor() {
        domain = People.uniqueDomain();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        establishment = organizations.createEstablishment("Université " + domain, "U", Set.of(domain));
        correspondent = person(establishment, "Dupont");
        otherCorrespondent = person(establishment, "Martin");
        var product = reference.defineProduct("SIFAC-" + suffix, "Sifac " + suffix, null);
        reference.defineDomain(product, "Budget");
        reference.defineDomain(product, "Recettes");
        reference.validateInstalledVersion(
                establishment, product, reference.defineVersion(product, "2026.1", true), null);
        reference.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL, null);
        reference.nameCorrespondent(establishment, product, otherCorrespondent, CorrespondentKind.TECHNICAL, null);
        agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MADAME, "Agent", "Alice", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        team = reference.defineTeam("Équipe Sifac " + suffix, List.of(agent));
        contractorAgent = accounts.createVerified(
                People.uniqueEmail("presta.test"), Civility.MONSIEUR, "Presta", "Paul", null, false, GOOD_PASSWORD);
        otherContractorAgent = accounts.createVerified(
                People.uniqueEmail("autre.test"), Civility.MONSIEUR, "Autre", "Omar", null, false, GOOD_PASSWORD);
        contractor = reference.defineContractor("Prestataire " + suffix, List.of(contractorAgent));
        reference.defineContractor("Autre prestataire " + suffix, List.of(otherContractorAgent));
        category = reference.defineCategory(null, "Sifac " + suffix, product, true, false, false, true, true, team);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgentFilesForASiteThenDispatchesItAndAssignsItToAColleague() throws Exception {
        var form = new LevelTwoForm(
                new CategoryId(category),
                Priority.BLOCKING,
                null,
                Nature.TECHNICAL,
                null,
                null,
                "Appel du site",
                "Signalé par téléphone.",
                null);
        assertThatThrownBy(() -> filing.fileOnBehalf(correspondent, establishment, correspondent, SubStatus.VSR, form))
                .as("a correspondent is no agent")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.fileOnBehalf(agent, establishment, contractorAgent, SubStatus.VSR, form))
                .hasMessage("helpdesk.filing.on-behalf.correspondent-required");
        assertThatThrownBy(() -> filing.fileOnBehalf(agent, establishment, correspondent, SubStatus.INT, form))
                .hasMessage("helpdesk.filing.on-behalf.origin-required");

        var id = filing.fileOnBehalf(agent, establishment, correspondent, SubStatus.VSR, form);
        var filed = tickets.find(correspondent, id);
        assertThat(filed.state()).isEqualTo(TicketState.of(TicketStatus.NEW, SubStatus.VSR));
        assertThat(filed.requester()).as("the site follows it").isEqualTo(correspondent);
        assertThat(filed.versionLabel()).isEqualTo("2026.1");
        assertThat(tickets.exchanges(agent, id).get(0).action()).isEqualTo(Action.FILE_ON_BEHALF);
        assertThat(Mails.nthDistinct(greenMail, email(correspondent), 1).getSubject())
                .isEqualTo("Demande d’assistance enregistrée");

        var colleague = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MONSIEUR, "Collègue", "Cyril", null, false, GOOD_PASSWORD);
        accounts.makeAgent(colleague);
        var otherTeam = reference.defineTeam("Équipe bis " + UUID.randomUUID(), List.of(agent, colleague));
        assertThatThrownBy(() -> acts.act(
                        agent, id, Action.DISPATCH, null, null, new Assignment.ToTeam(new TeamId(999_999_999L))))
                .hasMessage("helpdesk.transition.unknown-team");
        acts.act(agent, id, Action.DISPATCH, null, null, new Assignment.ToTeam(new TeamId(otherTeam)));
        assertThat(tickets.find(agent, id).teamId()).isEqualTo(new TeamId(otherTeam));
        assertThat(Mails.nthDistinct(greenMail, email(colleague), 1).getSubject())
                .as("the team it is dispatched to")
                .isEqualTo("Une demande d’assistance vous attend");

        assertThatThrownBy(() -> acts.act(agent, id, Action.TAKE, null, null, new Assignment.ToAgent(contractorAgent)))
                .as("only an agent of its team")
                .hasMessage("helpdesk.transition.unknown-agent");
        assertThatThrownBy(() ->
                        acts.act(correspondent, id, Action.TAKE, null, null, new Assignment.ToAgent(contractorAgent)))
                .as("the site learns nothing of the agency's teams")
                .hasMessage("helpdesk.transition.not-allowed");
        acts.act(agent, id, Action.TAKE, null, null, new Assignment.ToAgent(colleague));
        assertThat(tickets.find(correspondent, id).handlingAgentId()).isEqualTo(colleague.value());
        assertThat(Mails.nthDistinct(greenMail, email(colleague), 2).getSubject())
                .as("told it is his")
                .isEqualTo("Une demande d’assistance vous attend");
    }

    @Test
    void aCategoryMakesItsChosenFieldsRequired() {
        reference.requireFields(category, Set.of(RequiredField.MESSAGE_CODE, RequiredField.DOMAIN));
        var withoutCode = new LevelTwoForm(
                new CategoryId(category),
                Priority.NON_BLOCKING,
                "Budget",
                Nature.FUNCTIONAL,
                null,
                " ",
                "Titre",
                "Description",
                null);
        assertThatThrownBy(() -> filing.fileLevelTwo(correspondent, establishment, withoutCode))
                .isInstanceOf(FilingRefused.class)
                .hasMessage("helpdesk.filing.required.MESSAGE_CODE");
        var withoutDomain = new LevelTwoForm(
                new CategoryId(category),
                Priority.NON_BLOCKING,
                null,
                Nature.FUNCTIONAL,
                null,
                "FB60",
                "Titre",
                "Description",
                null);
        assertThatThrownBy(() -> filing.fileLevelTwo(correspondent, establishment, withoutDomain))
                .hasMessage("helpdesk.filing.required.DOMAIN");
        var complete = new LevelTwoForm(
                new CategoryId(category),
                Priority.NON_BLOCKING,
                "Budget",
                Nature.FUNCTIONAL,
                null,
                "FB60",
                "Titre",
                "Description",
                null);
        assertThat(tickets.find(correspondent, filing.fileLevelTwo(correspondent, establishment, complete))
                        .messageCode())
                .isEqualTo("FB60");
    }

    @Test
    void aLevelTwoTicketGoesThroughQuestionContractorRefusalAndValidation() throws Exception {
        var id = filing.fileLevelTwo(
                correspondent,
                establishment,
                new LevelTwoForm(
                        new CategoryId(category),
                        Priority.BLOCKING,
                        "Recettes",
                        Nature.FUNCTIONAL,
                        "INT-42",
                        "FB60",
                        "Facture bloquée en FB60",
                        "La saisie échoue avec le message FB60.",
                        null));

        var filed = tickets.find(correspondent, id);
        assertThat(filed.state()).isEqualTo(TicketState.of(TicketStatus.ECT));
        assertThat(filed.versionLabel())
                .as("the validated installed version, never typed")
                .isEqualTo("2026.1");
        var acknowledgement = Mails.nthDistinct(greenMail, email(correspondent), 1);
        assertThat(acknowledgement.getSubject()).isEqualTo("Demande d’assistance enregistrée");
        assertThat(addresses(acknowledgement, Message.RecipientType.CC)).containsExactly(email(otherCorrespondent));

        step(agent, id, Action.TAKE, null, null, TicketState.of(TicketStatus.ECT, SubStatus.INT));
        step(agent, id, Action.ASK_SITE, "Quel exercice comptable ?", null, TicketState.of(TicketStatus.ARS));
        step(
                otherCorrespondent,
                id,
                Action.SITE_ANSWERS,
                "Exercice 2026.",
                null,
                TicketState.of(TicketStatus.ECT, SubStatus.INT));
        step(agent, id, Action.HAND_TO_CONTRACTOR, null, contractor, TicketState.of(TicketStatus.ECT, SubStatus.EXT));
        assertThatThrownBy(() -> acts.act(otherContractorAgent, id, Action.CONTRACTOR_ANSWER, null, "Réponse", null))
                .as("another company's agent does not see it")
                .isInstanceOf(NotFoundException.class);
        step(
                contractorAgent,
                id,
                Action.CONTRACTOR_ANSWER,
                "Appliquer la note 123.",
                null,
                TicketState.of(TicketStatus.ECT, SubStatus.AVA));
        step(agent, id, Action.VALIDATE_CONTRACTOR_ANSWER, null, null, TicketState.of(TicketStatus.AVS));
        assertThatThrownBy(() -> acts.act(correspondent, id, Action.REFUSE_SOLUTION, null, " ", null))
                .isInstanceOf(TransitionRefused.class)
                .hasMessage("helpdesk.transition.required.reason");
        step(
                correspondent,
                id,
                Action.REFUSE_SOLUTION,
                "La note ne s’applique pas à notre version.",
                null,
                TicketState.of(TicketStatus.ECT, SubStatus.INT));
        step(
                agent,
                id,
                Action.SEND_SOLUTION,
                "Paramétrer le compte 401 puis relancer FB60.",
                null,
                TicketState.of(TicketStatus.AVS));
        step(correspondent, id, Action.VALIDATE_SOLUTION, null, null, TicketState.of(TicketStatus.TER, SubStatus.V));

        assertThat(tickets.exchanges(agent, id))
                .extracting(TicketPage.Exchange::action)
                .containsExactly(
                        Action.FILE,
                        Action.TAKE,
                        Action.ASK_SITE,
                        Action.SITE_ANSWERS,
                        Action.HAND_TO_CONTRACTOR,
                        Action.CONTRACTOR_ANSWER,
                        Action.VALIDATE_CONTRACTOR_ANSWER,
                        Action.REFUSE_SOLUTION,
                        Action.SEND_SOLUTION,
                        Action.VALIDATE_SOLUTION);
        var seenBySite = tickets.exchanges(correspondent, id);
        assertThat(seenBySite)
                .filteredOn(e -> e.action() == Action.CONTRACTOR_ANSWER)
                .extracting(TicketPage.Exchange::text)
                .as("the contractor's proposal stays inside the agency")
                .containsOnlyNulls();
        assertThat(seenBySite)
                .filteredOn(e -> e.action() == Action.VALIDATE_CONTRACTOR_ANSWER)
                .extracting(TicketPage.Exchange::text)
                .as("validated, it is the solution the site reads")
                .containsExactly("Appliquer la note 123.");
        assertThat(tickets.exchanges(agent, id))
                .filteredOn(e -> e.action() == Action.CONTRACTOR_ANSWER)
                .extracting(TicketPage.Exchange::text)
                .containsExactly("Appliquer la note 123.");
        assertThat(tickets.find(correspondent, id).closedAt()).isNotNull();
        assertThatThrownBy(() -> acts.act(agent, id, Action.TAKE, null, null, null))
                .hasMessage("helpdesk.transition.closed");
    }

    @Test
    void nobodyElseSeesOrActsOnTheTicket() throws Exception {
        var id = filing.fileLevelTwo(
                correspondent,
                establishment,
                new LevelTwoForm(
                        new CategoryId(category),
                        Priority.NON_BLOCKING,
                        null,
                        Nature.TECHNICAL,
                        null,
                        null,
                        "Lenteur",
                        "Les éditions sont lentes.",
                        "sifac@" + domain));
        var colleague = person(establishment, "Collègue");
        var otherDomain = People.uniqueDomain();
        var elsewhere = person(
                organizations.createEstablishment("Ailleurs " + otherDomain, "A", Set.of(otherDomain)), "Ailleurs");

        for (var stranger : List.of(colleague, elsewhere, otherContractorAgent)) {
            assertThatThrownBy(() -> tickets.find(stranger, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> acts.act(stranger, id, Action.TAKE, null, null, null))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> acts.act(correspondent, id, Action.SEND_SOLUTION, null, "Moi-même", null))
                .as("the requester side cannot do an agent's act")
                .hasMessage("helpdesk.transition.not-allowed");
        assertThat(Mails.nthDistinct(greenMail, "sifac@" + domain, 1).getSubject())
                .isEqualTo("Demande d’assistance enregistrée");
    }

    @Test
    void aTicketCannotBeFiledByANonCorrespondentNorWithATooLongTitle() {
        var colleague = person(establishment, "Collègue");
        var form = new LevelTwoForm(
                new CategoryId(category),
                Priority.BLOCKING,
                null,
                Nature.FUNCTIONAL,
                null,
                null,
                "x".repeat(101),
                "Description",
                null);

        assertThatThrownBy(() -> filing.fileLevelTwo(colleague, establishment, form))
                .isInstanceOf(FilingRefused.class)
                .hasMessage("helpdesk.filing.not-correspondent");
        assertThatThrownBy(() -> filing.fileLevelTwo(correspondent, establishment, form))
                .isInstanceOf(FilingRefused.class)
                .hasMessage("helpdesk.filing.title-too-long");
    }

    @Test
    void theSiteAddsComplementsTheAgentRequalifiesAndAClosedTicketsFollowUpIsLinkedToIt() throws Exception {
        var form = new LevelTwoForm(
                new CategoryId(category),
                Priority.NON_BLOCKING,
                "Budget",
                Nature.FUNCTIONAL,
                null,
                null,
                "Écart budgétaire",
                "Les montants diffèrent.",
                null);
        var first = filing.fileLevelTwo(correspondent, establishment, form);
        step(agent, first, Action.TAKE, null, null, TicketState.of(TicketStatus.ECT, SubStatus.INT));

        sideActs.complement(otherCorrespondent, first, "Capture jointe : écart de 12 €.");
        assertThatThrownBy(() -> sideActs.complement(agent, first, "Un agent ne complète pas"))
                .hasMessage("helpdesk.transition.not-allowed");
        sideActs.requalify(agent, first, Priority.BLOCKING, "Budget", Nature.TECHNICAL);
        assertThatThrownBy(() -> sideActs.requalify(correspondent, first, Priority.NON_BLOCKING, null, null))
                .hasMessage("helpdesk.transition.not-allowed");

        var view = tickets.find(correspondent, first);
        assertThat(view.priority()).isEqualTo(Priority.BLOCKING);
        assertThat(view.nature()).isEqualTo(Nature.TECHNICAL);
        assertThat(view.state())
                .as("neither changes the state")
                .isEqualTo(TicketState.of(TicketStatus.ECT, SubStatus.INT));
        assertThat(tickets.exchanges(correspondent, first))
                .extracting(TicketPage.Exchange::action)
                .containsExactly(Action.FILE, Action.TAKE, Action.COMPLEMENT, Action.REQUALIFY);
        assertThat(tickets.exchanges(correspondent, first).get(3).text())
                .contains("priority: NON_BLOCKING → BLOCKING")
                .contains("nature: FUNCTIONAL → TECHNICAL");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> Mails.distinctTo(greenMail, email(agent)).stream()
                        .anyMatch(m -> Mails.body(m).contains("Capture jointe")));

        step(agent, first, Action.SEND_SOLUTION, "Corrigé.", null, TicketState.of(TicketStatus.AVS));
        step(correspondent, first, Action.VALIDATE_SOLUTION, null, null, TicketState.of(TicketStatus.TER, SubStatus.V));
        assertThatThrownBy(() -> sideActs.complement(correspondent, first, "Encore un mot"))
                .hasMessage("helpdesk.transition.closed");

        var followUp = filing.fileLevelTwo(correspondent, establishment, form);
        sideActs.link(correspondent, followUp, first);
        sideActs.link(correspondent, followUp, first);
        assertThat(tickets.linked(correspondent, followUp))
                .extracting(TicketView::id)
                .containsExactly(first);
        assertThat(tickets.linked(agent, first)).extracting(TicketView::id).containsExactly(followUp);
        var otherDomain = People.uniqueDomain();
        var elsewhere = organizations.createEstablishment("Ailleurs " + otherDomain, "A", Set.of(otherDomain));
        var stranger = person(elsewhere, "Ailleurs");
        assertThatThrownBy(() -> sideActs.link(stranger, followUp, first)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theTicketShowsTheCommitmentsFirstReplyDateByPriorityThenTheSitesDeadlines() {
        var blocking = filing.fileLevelTwo(
                correspondent,
                establishment,
                new LevelTwoForm(
                        new CategoryId(category),
                        Priority.BLOCKING,
                        null,
                        Nature.FUNCTIONAL,
                        null,
                        null,
                        "Bloquant",
                        "Tout est arrêté.",
                        null));
        var other = filing.fileLevelTwo(
                correspondent,
                establishment,
                new LevelTwoForm(
                        new CategoryId(category),
                        Priority.NON_BLOCKING,
                        null,
                        Nature.FUNCTIONAL,
                        null,
                        null,
                        "Non bloquant",
                        "Une gêne.",
                        null));
        var today = LocalDate.now(clock);
        var calendar = agencyCalendar.today();

        assertThat(dueDates.of(tickets.find(correspondent, blocking)).firstReplyBy())
                .isEqualTo(calendar.plusBusinessDays(today, 2));
        assertThat(dueDates.of(tickets.find(correspondent, other)).firstReplyBy())
                .isEqualTo(calendar.plusBusinessDays(today, 5));
        assertThat(dueDates.of(tickets.find(correspondent, blocking)).firstReplyLate())
                .isFalse();

        step(agent, blocking, Action.TAKE, null, null, TicketState.of(TicketStatus.ECT, SubStatus.INT));
        assertThat(tickets.find(correspondent, blocking).firstRepliedAt())
                .as("taking it is not an answer")
                .isNull();
        step(agent, blocking, Action.ASK_SITE, "Depuis quand ?", null, TicketState.of(TicketStatus.ARS));
        var due = dueDates.of(tickets.find(correspondent, blocking));
        assertThat(tickets.find(correspondent, blocking).firstRepliedAt()).isNotNull();
        assertThat(due.firstReplyBy()).isNull();
        assertThat(due.reminder()).isEqualTo(calendar.plusBusinessDays(today, 5));
        assertThat(due.closure()).isEqualTo(calendar.plusBusinessDays(due.reminder(), 5));

        assertThatThrownBy(() -> sideActs.pushDeadlines(correspondent, blocking, 3))
                .hasMessage("helpdesk.transition.not-allowed");
        assertThatThrownBy(() -> sideActs.pushDeadlines(agent, blocking, 0))
                .hasMessage("helpdesk.deadlines.days-out-of-range");
        assertThatThrownBy(() -> sideActs.pushDeadlines(agent, other, 3)).hasMessage("helpdesk.deadlines.not-waiting");
        sideActs.pushDeadlines(agent, blocking, 3);
        var pushed = dueDates.of(tickets.find(correspondent, blocking));
        assertThat(pushed.reminder()).isEqualTo(calendar.plusBusinessDays(due.reminder(), 3));
        assertThat(pushed.closure()).isEqualTo(calendar.plusBusinessDays(due.closure(), 3));
    }

    @Test
    void anExternalRequesterFilesASimpleRequestAndApprovesItsClosure() {
        var simple = reference.defineCategory(null, "Accès " + domain, null, false, true, true, false, false, null);
        var external = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Externe", "Eva", null, false, GOOD_PASSWORD);

        var id = filing.fileSimple(external, new CategoryId(simple), "Mot de passe", "Je ne reçois pas le lien.", null);

        assertThat(tickets.find(external, id).state())
                .as("no team yet: waiting to be dispatched")
                .isEqualTo(TicketState.of(TicketStatus.NEW, SubStatus.FA));
        assertThatThrownBy(() -> acts.act(agent, id, Action.DISPATCH, null, null, null))
                .as("to which team?")
                .hasMessage("helpdesk.transition.required.team");
        step(agent, id, Action.DISPATCH, null, team, TicketState.of(TicketStatus.ECT));
        step(agent, id, Action.TAKE, null, null, TicketState.of(TicketStatus.ECT, SubStatus.INT));
        assertThatThrownBy(() -> acts.act(
                        agent,
                        id,
                        Action.HAND_TO_CONTRACTOR,
                        null,
                        null,
                        new Assignment.ToContractor(new ContractorId(contractor))))
                .as("not in a simple request's lifecycle")
                .hasMessage("helpdesk.transition.not-allowed");
        step(agent, id, Action.SEND_SOLUTION, "Le lien est renvoyé.", null, TicketState.of(TicketStatus.AVS));
        step(external, id, Action.VALIDATE_SOLUTION, null, null, TicketState.of(TicketStatus.TER, SubStatus.V));
    }

    private void step(AccountId who, TicketId id, Action action, String text, Long contractor, TicketState expected) {
        assertThat(acts.act(who, id, action, null, text, Assignment.of(action, contractor, contractor, contractor)))
                .as(action.name())
                .isEqualTo(expected);
    }

    private AccountId person(OrganizationId organization, String name) {
        return accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, name, name, organization, false, GOOD_PASSWORD);
    }

    private String email(AccountId person) {
        return accounts.find(person).orElseThrow().email();
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws Exception {
        var found = message.getRecipients(type);
        return found == null
                ? List.of()
                : Arrays.stream(found).map(Object::toString).toList();
    }
}
