package fr.guichet.administration;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The organisation API as a program of the establishment would use it. */
@IntegrationTest
class OrganizationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Administration administration;

    OrganizationId establishment;
    AccountId superAdmin;
    String token;

    @BeforeEach
    void superAdminWithAToken() throws Exception {
        var domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("API " + domain, "API", Set.of(domain));
        var email = People.uniqueEmail(domain);
        superAdmin =
                accounts.createVerified(email, Civility.MADAME, "Api", "Anna", establishment, false, GOOD_PASSWORD);
        var platform =
                accounts.createVerified(People.uniqueEmail(), Civility.MADAME, "P", "P", null, true, GOOD_PASSWORD);
        administration.nameSuperAdmin(platform, establishment, superAdmin, "-");
        var visitor = new Visitor(mvc);
        visitor.perform(post("/connexion").with(csrf()).param("email", email).param("password", GOOD_PASSWORD));
        var page = visitor.perform(post("/compte/jetons").with(csrf()).param("name", "api"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        token = Jsoup.parse(page).selectFirst("[data-testid=new-token]").text();
    }

    @Test
    void aProgramBuildsATreeAndSetsRolesLikeThePages() throws Exception {
        var created = mvc.perform(bearer(post("/api/v1/organizations/" + establishment.value() + "/sub-organizations"))
                        .contentType("application/json")
                        .content("{\"name\":\"Direction des achats\",\"postalCode\":\"75001\",\"type\":\"SMALL\","
                                + "\"inheritCertificate\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Direction des achats"))
                .andExpect(jsonPath("$.type").value("SMALL"))
                .andReturn()
                .getResponse();
        var id = JsonPath.parse(created.getContentAsString()).read("$.id", Long.class);
        // its creator holds it through the tree, but roles are its members'
        accounts.join(superAdmin, new OrganizationId(id), "-");

        mvc.perform(bearer(put("/api/v1/organizations/" + id + "/roles"))
                        .contentType("application/json")
                        .content("{\"" + superAdmin.value() + "\":[\"BUYER\"]}"))
                .andExpect(status().isNoContent());
        mvc.perform(bearer(get("/api/v1/organizations/" + id + "/roles")))
                .andExpect(jsonPath("$." + superAdmin.value() + "[0]").value("BUYER"));
        mvc.perform(bearer(get("/api/v1/organizations")))
                .andExpect(jsonPath("$[?(@.name == 'Direction des achats')]").exists());
    }

    @Test
    void badInputIsAProblemDetailNamingEachFieldInTheReadersLanguage() throws Exception {
        mvc.perform(bearer(post("/api/v1/organizations/" + establishment.value() + "/sub-organizations"))
                        .contentType("application/json")
                        .header("Accept-Language", "fr")
                        .content("{\"name\":\"\",\"postalCode\":\"750\",\"type\":\"SMALL\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Requête incorrecte"))
                .andExpect(jsonPath("$.errors[?(@.field == 'postalCode')].message")
                        .value("Saisissez un code postal à 5 chiffres."))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
        mvc.perform(bearer(post("/api/v1/organizations/" + establishment.value() + "/sub-organizations"))
                        .contentType("application/json")
                        .content("{not json"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aRuleSayingNoIsAConflictWithThePagesSentence() throws Exception {
        var roles = "{\"" + superAdmin.value() + "\":[\"ASSISTANT_BUYER\"]}";
        var small = administration.createSubOrganization(
                superAdmin,
                establishment,
                "SMALL",
                new OrganizationDetails("Petite", null, null, null, null, null, null),
                true,
                "-");
        accounts.join(superAdmin, small, "-");

        mvc.perform(bearer(put("/api/v1/organizations/" + small.value() + "/roles"))
                        .contentType("application/json")
                        .header("Accept-Language", "en")
                        .content(roles))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This role does not exist for this type of organisation."));
        assertThat(administration.roles(superAdmin, small, "PROCUREMENT_ROOM")).isEmpty();
    }

    @Test
    void aPlatformAdminDefinesANewTypeAndItsRolesThenTheyAreOffered() throws Exception {
        var platformEmail = People.uniqueEmail();
        accounts.createVerified(platformEmail, Civility.MONSIEUR, "Plat", "Pierre", null, true, GOOD_PASSWORD);
        var platform = new Visitor(mvc);
        platform.perform(
                post("/connexion").with(csrf()).param("email", platformEmail).param("password", GOOD_PASSWORD));
        var page = platform.perform(post("/compte/jetons").with(csrf()).param("name", "types"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var platformToken =
                Jsoup.parse(page).selectFirst("[data-testid=new-token]").text();
        var code = "T" + Long.toHexString(System.nanoTime()).toUpperCase();
        var type =
                "{\"code\":\"" + code + "\",\"labelFr\":\"Groupement\",\"labelEn\":\"Group\",\"roles\":[{\"service\":"
                        + "\"PROCUREMENT_ROOM\",\"code\":\"COORDINATOR\",\"labelFr\":\"Coordonnateur\",\"labelEn\":\"Coordinator\","
                        + "\"descriptionFr\":\"Coordonne les achats du groupement.\",\"descriptionEn\":\"Coordinates the group's purchases.\"}]}";

        mvc.perform(bearer(post("/api/v1/organization-types"))
                        .contentType("application/json")
                        .content(type))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/organization-types")
                        .header("Authorization", "Bearer " + platformToken)
                        .contentType("application/json")
                        .content(type))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles[0].label").value("Coordonnateur"));

        var created = administration.createSubOrganization(
                superAdmin,
                establishment,
                code,
                new OrganizationDetails("Groupement", null, null, null, null, null, null),
                true,
                "-");
        accounts.join(superAdmin, created, "-");
        administration.saveMatrix(
                superAdmin,
                created,
                Grant.Kind.ROLE,
                "PROCUREMENT_ROOM",
                Map.of(superAdmin, Set.of("COORDINATOR")),
                "-");
        assertThat(administration.roles(superAdmin, created, "PROCUREMENT_ROOM").get(superAdmin))
                .containsExactly("COORDINATOR");
    }

    private MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token);
    }
}
