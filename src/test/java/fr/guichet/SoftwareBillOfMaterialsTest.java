package fr.guichet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.util.Version;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bill of materials is built with the application and served to the platform's administrators:
 * what it lists is what runs (the versions of the libraries on the classpath), tests' libraries left out.
 */
@IntegrationTest
class SoftwareBillOfMaterialsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Test
    void aPlatformAdministratorReadsTheLibrariesTheApplicationRunsWith() throws Exception {
        var email = People.uniqueEmail("agence.test");
        accounts.createVerified(email, Civility.MADAME, "Agence", "Inès", null, true, People.GOOD_PASSWORD);
        var admin = Visitor.signedIn(mvc, email);

        var body = admin.perform(get("/actuator/sbom/application"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var bom = JsonMapper.builder().build().readTree(body);

        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("metadata").path("component").path("name").asText()).isEqualTo("guichet");
        var purls = purls(bom);
        assertThat(purls).contains("pkg:maven/org.apache.pdfbox/pdfbox@" + Version.getVersion() + "?type=jar");
        assertThat(purls).anyMatch(p -> p.startsWith("pkg:maven/org.springframework/spring-core@"));
        assertThat(purls).noneMatch(p -> p.contains("/greenmail") || p.contains("/selenium-java"));
    }

    @Test
    void aMemberCannotReadIt() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MONSIEUR, "Roux", "Jean", null, false, People.GOOD_PASSWORD);
        var member = Visitor.signedIn(mvc, email);

        var status = member.perform(get("/actuator/sbom/application"))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(status).isEqualTo(403);
    }

    private static List<String> purls(JsonNode bom) {
        var purls = new ArrayList<String>();
        bom.path("components").forEach(c -> purls.add(c.path("purl").asText()));
        return purls;
    }
}
