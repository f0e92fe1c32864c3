package fr.guichet.releases;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.MatrixCell;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A product's releases, documents and project addresses × who asks (issue 14's matrix rows): the
 * product's correspondents of any establishment read, the agency writes, an establishment's project
 * address is its own correspondents'; anyone else is told none of it exists. O = allowed, H = not
 * found, F = refused (403), L = sent to sign in (401 in the API).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleasesMatrixTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    enum Persona {
        /** Of the product, at the establishment whose project address is tried. */
        CORRESPONDENT,
        /** Of the same product, at another establishment. */
        OTHER_ESTABLISHMENT_CORRESPONDENT,
        /** Of another product, at another establishment. */
        OTHER_PRODUCT_CORRESPONDENT,
        MEMBER,
        SUPER_ADMIN_NOT_CORRESPONDENT,
        CONTRACTOR,
        AGENT,
        ANONYMOUS
    }

    record Row(String name, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, boolean api, String expected) {
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
    ReferenceSetup reference;

    @Autowired
    Delegation delegation;

    @Autowired
    Releases releases;

    final Map<Persona, Visitor> visitors = new EnumMap<>(Persona.class);
    final Map<Persona, String> tokens = new EnumMap<>(Persona.class);
    OrganizationId establishment;
    ProductId product;
    long published;
    long draft;
    AccountId agent;

    @BeforeAll
    void aPublishedReleaseAndADraft() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var domain = People.uniqueDomain();
        var otherDomain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Matrice " + domain, "M", Set.of(domain));
        var other = organizations.createEstablishment("Autre " + otherDomain, "A", Set.of(otherDomain));
        product = reference.defineProduct("SIN-" + suffix, "Sinaps " + suffix, null);
        var version = reference.defineVersion(product, "2026.1", true);
        var otherProduct = reference.defineProduct("APO-" + suffix, "Apogée " + suffix, null);
        reference.nameCorrespondent(
                establishment,
                product,
                person(Persona.CORRESPONDENT, People.uniqueEmail(domain), establishment),
                CorrespondentKind.FUNCTIONAL,
                null);
        reference.nameCorrespondent(
                other,
                product,
                person(Persona.OTHER_ESTABLISHMENT_CORRESPONDENT, People.uniqueEmail(otherDomain), other),
                CorrespondentKind.TECHNICAL,
                null);
        reference.nameCorrespondent(
                other,
                otherProduct,
                person(Persona.OTHER_PRODUCT_CORRESPONDENT, People.uniqueEmail(otherDomain), other),
                CorrespondentKind.FUNCTIONAL,
                null);
        person(Persona.MEMBER, People.uniqueEmail(domain), establishment);
        delegation.nameFirstSuperAdmin(
                establishment,
                person(Persona.SUPER_ADMIN_NOT_CORRESPONDENT, People.uniqueEmail(domain), establishment));
        reference.defineContractor(
                "Presta " + suffix, List.of(person(Persona.CONTRACTOR, People.uniqueEmail("k.test"), null)));
        agent = person(Persona.AGENT, People.uniqueEmail("agence.test"), null);
        accounts.makeAgent(agent);
        visitors.put(Persona.ANONYMOUS, new Visitor(mvc));
        var publishedId = releases.create(
                agent,
                product,
                new Releases.Draft(ReleaseKind.PATCH, version, "Patch 2026.1.1", "Notes"),
                List.of(new Releases.Upload(
                        "patch.txt", new ByteArrayInputStream("PATCH".getBytes(StandardCharsets.UTF_8)))));
        releases.publish(agent, product, publishedId);
        published = publishedId.value();
        draft = releases.create(
                        agent,
                        product,
                        new Releases.Draft(ReleaseKind.VERSION, version, "Version 2026.2", "Notes"),
                        List.of())
                .value();
    }

    Stream<Arguments> cells() {
        var p = "/produits/" + product.value();
        var a = "/api/v1/products/" + product.value() + "/releases";
        var read = "O O H H H H O L";
        var staff = "F F H H H H O L";
        var agency = "H H H H H H O L";
        var site = "O H H H H H H L";
        var rows = Stream.of(
                new Row("GET releases", () -> get(p + "/livraisons"), false, read),
                new Row("GET published release", () -> get(p + "/livraisons/" + published), false, read),
                new Row("GET its file", () -> get(p + "/livraisons/" + published + "/fichiers/0"), false, read),
                new Row("GET draft", () -> get(p + "/livraisons/" + draft), false, agency),
                new Row(
                        "POST new release (no title)",
                        () -> multipart(p + "/livraisons")
                                .param("kind", "PATCH")
                                .with(csrf()),
                        false,
                        staff),
                new Row(
                        "POST publication (published already)",
                        () -> post(p + "/livraisons/" + published + "/publication")
                                .with(csrf()),
                        false,
                        staff),
                new Row("GET documents", () -> get(p + "/documents"), false, read),
                new Row(
                        "POST document (no area)",
                        () -> multipart(p + "/documents")
                                .file(new MockMultipartFile(
                                        "file", "a.txt", "text/plain", "A".getBytes(StandardCharsets.UTF_8)))
                                .param("title", "A")
                                .with(csrf()),
                        false,
                        staff),
                new Row(
                        "GET project address",
                        () -> get(p + "/adresse-projet").param("etablissement", String.valueOf(establishment.value())),
                        false,
                        site),
                new Row(
                        "POST project address (not an address)",
                        () -> post(p + "/adresse-projet")
                                .param("etablissement", String.valueOf(establishment.value()))
                                .param("email", "pas une adresse")
                                .param("language", "fr")
                                .with(csrf()),
                        false,
                        site),
                new Row(
                        "POST project address removal",
                        () -> post(p + "/adresse-projet/suppression")
                                .param("etablissement", String.valueOf(establishment.value()))
                                .with(csrf()),
                        false,
                        site),
                new Row("API releases", () -> get(a), true, read),
                new Row("API release", () -> get(a + "/" + published), true, read),
                new Row("API draft", () -> get(a + "/" + draft), true, agency),
                new Row("API file", () -> get(a + "/" + published + "/files/0"), true, read),
                new Row("API create (no title)", () -> multipart(a).param("kind", "PATCH"), true, staff),
                new Row(
                        "API publish (published already)",
                        () -> post(a + "/" + published + "/publication"),
                        true,
                        staff));
        return rows.flatMap(row -> Stream.of(Persona.values()).map(persona -> Arguments.of(row, persona)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void onlyTheProductsCorrespondentsAndTheAgencyReachItsReleases(Row row, Persona persona) throws Exception {
        var expected = row.expected().split(" ")[persona.ordinal()];
        var request = row.request().get();
        if (row.api() && tokens.containsKey(persona)) {
            request.header("Authorization", "Bearer " + tokens.get(persona));
        }
        var response = (row.api() ? new Visitor(mvc) : visitors.get(persona))
                .perform(request)
                .andReturn()
                .getResponse();
        MatrixCell.assertOutcome(response, expected, row.api(), row + " as " + persona);
        assertThat(releases.list(agent, product))
                .as("whoever tried, nothing was added or published")
                .extracting(ReleaseView::status)
                .containsExactly(ReleaseStatus.DRAFT, ReleaseStatus.PUBLISHED);
    }

    private AccountId person(Persona persona, String email, OrganizationId organization) throws Exception {
        var id = accounts.createVerified(
                email, Civility.MADAME, persona.name().replace('_', ' '), "Test", organization, false, GOOD_PASSWORD);
        var visitor = Visitor.signedIn(mvc, email);
        visitors.put(persona, visitor);
        tokens.put(persona, visitor.apiToken());
        return id;
    }
}
