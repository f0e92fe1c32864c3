package fr.guichet;

import static fr.guichet.support.DoorFuzzer.fields;
import static fr.guichet.support.DoorFuzzer.page;
import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.DoorFuzzer;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The main forms and the API's JSON bodies, fuzzed through the whole application: hostile variations
 * of a valid submission by someone allowed to make it (see {@link DoorFuzzer} for the properties).
 * {@code bench/fuzz-http.sh} runs a long campaign.
 */
@IntegrationTest
class HttpDoorsFuzzTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    HelpdeskSetup helpdesk;

    DoorFuzzer fuzzer;
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final AtomicInteger unique = new AtomicInteger();
    String domain;
    OrganizationId establishment;
    String superAdmin;
    AccountId superAdminId;
    String correspondent;
    AccountId correspondentId;
    String agent;
    long category;
    TicketId ticket;

    @BeforeEach
    void anEstablishmentItsSuperAdminACorrespondentAndAnAgent() {
        fuzzer = new DoorFuzzer(mvc, jdbc);
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + suffix, "U" + suffix, Set.of(domain));
        superAdmin = person(domain, establishment, "Admin");
        superAdminId = id(superAdmin);
        delegation.nameFirstSuperAdmin(establishment, superAdminId);
        correspondent = person(domain, establishment, "Correspondant");
        correspondentId = id(correspondent);
        agent = person(People.uniqueDomain(), null, "Agent");
        accounts.makeAgent(id(agent));
        var product = helpdesk.product("P-" + suffix, "P " + suffix, null, List.of("1"), List.of(true));
        helpdesk.installedVersion(establishment, product, "1");
        helpdesk.correspondent(establishment, product, correspondentId, CorrespondentKind.FUNCTIONAL);
        category = helpdesk.levelTwoCategory("P " + suffix, product, helpdesk.team("P " + suffix, List.of(id(agent))));
        ticket = helpdesk.levelTwoTicket(
                correspondentId,
                establishment,
                category,
                Priority.NON_BLOCKING,
                Nature.FUNCTIONAL,
                null,
                "Déjà là " + suffix,
                "Pour les réponses.");
    }

    // ---------------------------------------------------------------- forms

    @Test
    void registration() throws Exception {
        fuzzer.run(fuzzer.form("registration", "/inscription/coordonnees", () -> {
                    var visitor = new Visitor(mvc);
                    var email = People.uniqueEmail(domain);
                    visitor.perform(post("/inscription").with(csrf()).param("email", email));
                    visitor.perform(post("/inscription/etablissement")
                            .with(csrf())
                            .param("establishment", Long.toString(establishment.value())));
                    var fields = fields(
                            page(visitor, "/inscription/coordonnees"), "form[action='/inscription/coordonnees']");
                    fields.put("civility", List.of("MADAME"));
                    fields.put("lastName", List.of("Durand"));
                    fields.put("firstName", List.of("Zoé"));
                    fields.put("landline", List.of("01 23 45 67 89"));
                    fields.put("mobile", List.of("+33 6 12 34 56 78"));
                    fields.put("professionalDomain", List.of("PURCHASING"));
                    fields.put("jobTitle", List.of("Acheteuse"));
                    fields.put("placeOfAttachment", List.of("Direction des achats"));
                    fields.put("interestDomains", List.of("PURCHASING", "FINANCE"));
                    fields.put("consent", List.of("true"));
                    return new DoorFuzzer.Form(visitor, fields);
                })
                .writes("account where email like '%@" + domain + "'", "membership")
                .whole("select count(*) from account a where a.email like '%@" + domain
                        + "' and not exists (select 1 from membership m where m.account_id = a.id)"
                        + " and a.last_name = 'Durand'"));
    }

    @Test
    void myAccount() throws Exception {
        var me = Visitor.signedIn(mvc, correspondent);
        fuzzer.run(fuzzer.form("my account", me, "/compte", () -> fields(page(me, "/compte"), "form[action=/compte]"))
                .writes("account where id = " + correspondentId.value()));
    }

    @Test
    void subOrganisationCreation() throws Exception {
        var admin = Visitor.signedIn(mvc, superAdmin);
        var path = "/organisations/" + establishment.value() + "/sous-organisations/nouvelle";
        fuzzer.run(fuzzer.form("sub-organisation creation", admin, path, () -> {
                    var fields = fields(page(admin, path), "form[action='" + path + "']");
                    fields.put("name", List.of("Service " + unique.incrementAndGet() + " " + suffix));
                    fields.put("typeCode", List.of("SMALL"));
                    fields.put("certificate", List.of("INHERIT"));
                    fields.put("postalCode", List.of("67000"));
                    return fields;
                })
                .writes("organization", "super_admin", "membership", "certificate_inheritance"));
    }

    @Test
    void organisationEdit() throws Exception {
        var admin = Visitor.signedIn(mvc, superAdmin);
        var path = "/organisations/" + establishment.value() + "/modifier";
        fuzzer.run(fuzzer.form(
                        "organisation edit",
                        admin,
                        path,
                        () -> fields(page(admin, path), "form[action='" + path + "']"))
                .writes("organization where id = " + establishment.value(), "organization_email_domain"));
    }

    @Test
    void ticketFiling() throws Exception {
        var me = Visitor.signedIn(mvc, correspondent);
        var path = "/demandes/nouvelle/" + category;
        fuzzer.run(fuzzer.form("ticket filing", me, path, () -> {
                    var fields = fields(page(me, path), "form[action='" + path + "']");
                    fields.put("priority", List.of("NON_BLOCKING"));
                    fields.put("nature", List.of("FUNCTIONAL"));
                    fields.put("title", List.of("Résultats absents " + unique.incrementAndGet()));
                    fields.put("description", List.of("Les notes du semestre 2 manquent."));
                    return fields;
                })
                .writes("ticket", "ticket_exchange", "ticket_attachment")
                .whole("select count(*) from ticket t where not exists"
                        + " (select 1 from ticket_exchange x where x.ticket_id = t.id)"));
    }

    @Test
    void ticketComplement() throws Exception {
        var me = Visitor.signedIn(mvc, correspondent);
        var path = "/demandes/" + ticket.value() + "/complements";
        fuzzer.run(fuzzer.form("ticket complement", me, path, () -> {
                    var fields = fields(page(me, "/demandes/" + ticket.value()), "form[action='" + path + "']");
                    fields.put("text", List.of("Un complément " + unique.incrementAndGet()));
                    return fields;
                })
                .writes("ticket where id = " + ticket.value(), "ticket_exchange where ticket_id = " + ticket.value()));
    }

    @Test
    void eventPublication() throws Exception {
        var organiser = Visitor.signedIn(mvc, agent);
        var path = "/agence/evenements/nouveau";
        var day = LocalDate.now().plusDays(30);
        fuzzer.run(fuzzer.form("event publication", organiser, path, () -> {
                    var fields = fields(page(organiser, path), "form[action='" + path + "']");
                    fields.put("title", List.of("Formation " + unique.incrementAndGet() + " " + suffix));
                    fields.put("description", List.of("Une **formation**."));
                    fields.put("kind", List.of("TRAINING"));
                    fields.put("audience", List.of("everyone"));
                    fields.put("opensAt", List.of(day.minusDays(20) + "T09:00"));
                    fields.put("deadline", List.of(day.minusDays(2) + "T09:00"));
                    fields.put("sessions[0].day", List.of(day.toString()));
                    fields.put("sessions[0].start", List.of("09:00"));
                    fields.put("sessions[0].end", List.of("12:00"));
                    fields.put("sessions[0].place", List.of("Salle Condorcet"));
                    fields.put("sessions[0].capacity", List.of("10"));
                    return fields;
                })
                .writes("agency_event", "event_session", "event_audience")
                .whole("select count(*) from agency_event e where not exists"
                        + " (select 1 from event_session s where s.event_id = e.id)"));
    }

    @Test
    void announcementPublication() throws Exception {
        var organiser = Visitor.signedIn(mvc, agent);
        var path = "/agence/annonces/nouvelle";
        fuzzer.run(fuzzer.form("announcement publication", organiser, path, () -> {
                    var fields = fields(page(organiser, path), "form[action='" + path + "']");
                    fields.put("title", List.of("Annonce " + unique.incrementAndGet() + " " + suffix));
                    fields.put("body", List.of("Le plan **produit**."));
                    fields.put("kind", List.of("NEWS"));
                    fields.put("audience", List.of("targeted"));
                    fields.put("establishments", List.of(Long.toString(establishment.value())));
                    fields.put("action", List.of("publier"));
                    return fields;
                })
                .writes(
                        // the sender fills the recipients and moves the status every 2 s: the rows are counted
                        "select count(*)::text from announcement", "select count(*)::text from announcement_target"));
    }

    @Test
    void certificateRequest() throws Exception {
        var admin = Visitor.signedIn(mvc, superAdmin);
        var path = "/organisations/" + establishment.value() + "/certificats/demande";
        fuzzer.run(fuzzer.form("certificate request", admin, path, () -> {
                    var fields = fields(page(admin, path), "form[action='" + path + "']");
                    fields.put("recipient", List.of("Jeanne Martin"));
                    fields.put("address", List.of("1 place Bellecour"));
                    fields.put("postalCode", List.of("69002"));
                    fields.put("city", List.of("Lyon"));
                    fields.put("supports", List.of("2"));
                    return fields;
                })
                .writes("certificate_request"));
    }

    // ---------------------------------------------------------------- JSON API

    @Test
    void apiAnnouncement() throws Exception {
        var token = Visitor.signedIn(mvc, agent).apiToken();
        fuzzer.run(fuzzer.json("api POST /announcements", token, "POST", "/api/v1/announcements", () ->
                        """
                {"title": "Calendrier %d", "body": "Les sessions de **mars**.", "kind": "NEWS",
                 "everyone": false, "criteria": {"ESTABLISHMENT": ["%d"]}}""".formatted(unique.incrementAndGet(), establishment.value()))
                .writes(
                        // the sender fills the recipients and moves the status every 2 s: the rows are counted
                        "select count(*)::text from announcement", "select count(*)::text from announcement_target"));
    }

    @Test
    void apiPreferences() throws Exception {
        var token = Visitor.signedIn(mvc, correspondent).apiToken();
        fuzzer.run(fuzzer.json(
                        "api PUT /me/preferences",
                        token,
                        "PUT",
                        "/api/v1/me/preferences",
                        () -> "{\"alerts\": {\"ANNOUNCEMENTS\": \"DIGEST\", \"SITE_TICKETS\": \"IMMEDIATE\"}}")
                .writes("alert_preference where account_id = " + correspondentId.value()));
    }

    @Test
    void apiUsers() throws Exception {
        var token = Visitor.signedIn(mvc, superAdmin).apiToken();
        fuzzer.run(fuzzer.json(
                        "api POST /organizations/{id}/users",
                        token,
                        "POST",
                        "/api/v1/organizations/" + establishment.value() + "/users",
                        () -> "{\"civility\":\"MADAME\",\"lastName\":\"Saisi\",\"firstName\":\"Par\",\"email\":\""
                                + People.uniqueEmail(domain) + "\"}")
                .writes("account", "membership", "membership_invitation"));
    }

    @Test
    void apiTicketFiling() throws Exception {
        var token = Visitor.signedIn(mvc, correspondent).apiToken();
        fuzzer.run(fuzzer.json("api POST /tickets", token, "POST", "/api/v1/tickets", () ->
                        """
                {"categoryId": %d, "establishmentId": %d, "priority": "NON_BLOCKING", "nature": "TECHNICAL",
                 "title": "Paie bloquée %d", "description": "Le calcul s’arrête.", "messageCode": "ORA-1",
                 "domain": null, "internalReference": "INC-1", "followUpEmail": null}""".formatted(category, establishment.value(), unique.incrementAndGet()))
                .writes("ticket", "ticket_exchange")
                .whole("select count(*) from ticket t where not exists"
                        + " (select 1 from ticket_exchange x where x.ticket_id = t.id)"));
    }

    @Test
    void apiSubOrganisation() throws Exception {
        var token = Visitor.signedIn(mvc, superAdmin).apiToken();
        fuzzer.run(fuzzer.json(
                        "api POST /organizations/{id}/sub-organizations",
                        token,
                        "POST",
                        "/api/v1/organizations/" + establishment.value() + "/sub-organizations",
                        () -> ("{\"name\":\"Direction %d %s\",\"postalCode\":\"75001\",\"type\":\"SMALL\","
                                        + "\"inheritCertificate\":true}")
                                .formatted(unique.incrementAndGet(), suffix))
                .writes("organization", "super_admin", "membership", "certificate_inheritance"));
    }

    @Test
    void apiRoles() throws Exception {
        var token = Visitor.signedIn(mvc, superAdmin).apiToken();
        fuzzer.run(fuzzer.json(
                        "api PUT /organizations/{id}/roles",
                        token,
                        "PUT",
                        "/api/v1/organizations/" + establishment.value() + "/roles",
                        () -> "{\"" + correspondentId.value() + "\":[\"BUYER\"]}")
                .writes("organization_grant"));
    }

    private String person(String domain, OrganizationId organization, String lastName) {
        var email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, lastName, "Marie", organization, false, GOOD_PASSWORD);
        return email;
    }

    private AccountId id(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }
}
