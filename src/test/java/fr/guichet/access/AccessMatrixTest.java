package fr.guichet.access;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.administration.Delegation;
import fr.guichet.documents.Area;
import fr.guichet.documents.DocumentSpaces;
import fr.guichet.documents.Family;
import fr.guichet.documents.TestFiles;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The access pages of one establishment E, and the document space of a service, × who asks: only E's super admins act there; a super
 * admin of another establishment, the platform admin (the agency) and E's members get 404, as if
 * nothing existed ("l'Amue ne peut en aucun cas agir sur ces validations": the agency can in no case act on them).
 * Outcomes: O allowed, H hidden (404), L sent to sign-in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** MEMBER holds a grant on the service whose document space is tested; the others do not. */
    enum Persona {
        SUPER_ADMIN,
        OTHER_SUPER_ADMIN,
        PLATFORM_ADMIN,
        MEMBER,
        ANONYMOUS
    }

    record Row(String name, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    ServiceCatalogue services;

    @Autowired
    AccessRequests requests;

    @Autowired
    EstablishmentCatalogue establishments;

    @Autowired
    DocumentSpaces documents;

    ServiceId spaceService;
    long document;
    AccountId platformAdmin;

    final Map<Persona, Visitor> visitors = new EnumMap<>(Persona.class);
    OrganizationId establishment;
    AccountId superAdmin;
    AccountId member;
    ServiceId service;
    String domain;

    @BeforeAll
    void establishmentsAndPeople() throws Exception {
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Matrice " + domain, "M", Set.of(domain));
        var otherDomain = People.uniqueDomain();
        var other = organizations.createEstablishment("Autre " + otherDomain, "A", Set.of(otherDomain));
        superAdmin = person(People.uniqueEmail(domain), establishment, Persona.SUPER_ADMIN, false);
        delegation.nameFirstSuperAdmin(establishment, superAdmin);
        delegation.nameFirstSuperAdmin(
                other, person(People.uniqueEmail(otherDomain), other, Persona.OTHER_SUPER_ADMIN, false));
        platformAdmin = person(People.uniqueEmail(), null, Persona.PLATFORM_ADMIN, true);
        member = person(People.uniqueEmail(domain), establishment, Persona.MEMBER, false);
        visitors.put(Persona.ANONYMOUS, new Visitor(mvc));
        service = services.define(new ServiceDefinition(
                "MX" + Math.abs(System.nanoTime() % 1_000_000_000L),
                "Matrice",
                null,
                InterestDomain.PURCHASING,
                DecidedBy.SUPER_ADMINS,
                true));
        spaceService = services.define(new ServiceDefinition(
                "MD" + Math.abs(System.nanoTime() % 1_000_000_000L),
                "Espace",
                null,
                InterestDomain.PURCHASING,
                DecidedBy.SUPER_ADMINS,
                true));
        requests.ask(member, spaceService, Optional.empty(), Locale.FRENCH, "-");
        requests.decide(superAdmin, requests.mine(member).get(0).id(), true, null, Locale.FRENCH, "-");
        document = documents
                .add(
                        platformAdmin,
                        "service",
                        spaceService.value(),
                        Area.ESTABLISHMENTS,
                        Family.BUSINESS,
                        "",
                        "Pièces du marché",
                        "marche.pdf",
                        new ByteArrayInputStream(TestFiles.pdf("Marché")))
                .value();
    }

    Stream<Arguments> cells() {
        var e = "/organisations/{e}".replace("{e}", "" + establishment.value());
        var d = "/services/" + spaceService.value() + "/documents";
        var rows = Stream.of(
                new Row("GET demandes-acces", () -> get(e + "/demandes-acces"), "O H H H L"),
                new Row(
                        "POST decision",
                        () -> post(e + "/demandes-acces/" + pendingRequest().value())
                                .param("decision", "accepter")
                                .with(csrf()),
                        "O H H H L"),
                new Row("GET habilitations", () -> get(e + "/habilitations"), "O H H H L"),
                new Row(
                        "POST habilitations",
                        () -> post(e + "/habilitations")
                                .param("action", "confirmer")
                                .param("habilitation", "" + grant().value())
                                .with(csrf()),
                        "O H H H L"),
                new Row("GET services", () -> get(e + "/services"), "O H H H L"),
                new Row(
                        "POST masquage",
                        () -> post(e + "/services/" + service.value() + "/masquage")
                                .param("masque", "false")
                                .with(csrf()),
                        "O H H H L"),
                new Row(
                        "POST outils",
                        () -> post(e + "/outils")
                                .param("name", "Intranet")
                                .param("url", "https://intranet.example")
                                .with(csrf()),
                        "O H H H L"),
                new Row(
                        "POST outils suppression",
                        () -> post(e + "/outils/" + tool() + "/suppression").with(csrf()),
                        "O H H H L"),
                new Row("GET document space", () -> get(d), "H H O O L"),
                new Row("GET document", () -> get(d + "/" + document), "H H O O L"),
                new Row(
                        "POST document",
                        () -> multipart(d)
                                .file(new MockMultipartFile(
                                        "file", "note.pdf", "application/pdf", TestFiles.pdf("Note")))
                                .param("area", "SOLUTION")
                                .param("family", "TECHNICAL")
                                .param("title", "Note")
                                .with(csrf()),
                        "H H O D L"),
                new Row(
                        "POST document suppression",
                        () -> post(d + "/" + freshDocument() + "/suppression").with(csrf()),
                        "H H O D L"));
        return rows.flatMap(row -> Stream.of(Persona.values()).map(p -> Arguments.of(row, p)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void onlyTheEstablishmentsSuperAdminsActOnItsAccess(Row row, Persona persona) throws Exception {
        var expected = row.expected().split(" ")[persona.ordinal()];
        var response =
                visitors.get(persona).perform(row.request().get()).andReturn().getResponse();
        var status = response.getStatus();
        switch (expected) {
            case "O" -> assertThat(status).as("%s as %s", row, persona).isIn(200, 302);
            case "H" -> assertThat(status).as("%s as %s", row, persona).isEqualTo(404);
            case "D" -> assertThat(status).as("%s as %s", row, persona).isEqualTo(403);
            case "L" ->
                assertThat(response.getRedirectedUrl())
                        .as("%s as %s", row, persona)
                        .endsWith("/connexion");
            default -> throw new IllegalStateException(expected);
        }
        if (expected.equals("O") && status == 302) {
            assertThat(response.getRedirectedUrl()).doesNotEndWith("/connexion");
        }
    }

    private AccessRequestId pendingRequest() {
        var asker = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Demande", "Denise", establishment, false, GOOD_PASSWORD);
        requests.ask(asker, service, Optional.empty(), Locale.FRENCH, "-");
        return requests.mine(asker).get(0).id();
    }

    private AccessRequestId grant() {
        var id = pendingRequest();
        requests.decide(superAdmin, id, true, null, Locale.FRENCH, "-");
        return id;
    }

    private long freshDocument() {
        try {
            return documents
                    .add(
                            platformAdmin,
                            "service",
                            spaceService.value(),
                            Area.SOLUTION,
                            Family.SUPPORT,
                            "",
                            "À supprimer",
                            "a.pdf",
                            new ByteArrayInputStream(TestFiles.pdf("A")))
                    .value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long tool() {
        establishments.addTool(establishment, new ToolForm("Outil", "https://outil.example", null), superAdmin);
        return establishments.tools(establishment).get(0).id();
    }

    private AccountId person(String email, OrganizationId organization, Persona persona, boolean platformAdmin)
            throws Exception {
        var id = accounts.createVerified(
                email,
                Civility.MADAME,
                persona.name().replace('_', ' '),
                "Test",
                organization,
                platformAdmin,
                GOOD_PASSWORD);
        visitors.put(persona, Visitor.signedIn(mvc, email));
        return id;
    }
}
