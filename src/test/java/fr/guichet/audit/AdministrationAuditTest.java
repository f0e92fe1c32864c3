package fr.guichet.audit;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.time.Duration;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** Grants, creations and removals are in the trail, and its page shows them to the admins concerned. */
@IntegrationTest
class AdministrationAuditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Test
    void aSuperAdminReadsWhoDidWhatInHisTree() throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Journal " + domain, "J", Set.of(domain));
        var platformEmail = People.uniqueEmail();
        accounts.createVerified(platformEmail, Civility.MADAME, "Plateau", "Pia", null, true, GOOD_PASSWORD);
        var superEmail = People.uniqueEmail(domain);
        var superAdmin = accounts.createVerified(
                superEmail, Civility.MONSIEUR, "Sup", "Serge", establishment, false, GOOD_PASSWORD);

        var platform = Visitor.signedIn(mvc, platformEmail);
        platform.perform(post("/organisations/" + establishment.value() + "/super-admins")
                .with(csrf())
                .param("person", Long.toString(superAdmin.value())));
        var admin = Visitor.signedIn(mvc, superEmail);
        admin.perform(post("/organisations/" + establishment.value() + "/sous-organisations/nouvelle")
                .with(csrf())
                .param("name", "Service juridique")
                .param("typeCode", "MEDIUM")
                .param("certificate", "INHERIT"));
        var colleague = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Coll", "Cora", establishment, false, GOOD_PASSWORD);
        admin.perform(post("/organisations/" + establishment.value() + "/administrateurs")
                .with(csrf())
                .param("person", Long.toString(colleague.value()))
                .param("grant", colleague.value() + ":CREATE_USERS"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> admin.perform(get("/organisations/" + establishment.value() + "/journal"))
                        .andExpect(MockMvcResultMatchers.content()
                                .string(Matchers.allOf(
                                        Matchers.containsString("nomination d’un super admin"),
                                        Matchers.containsString("Pia Plateau"),
                                        Matchers.containsString("création de la sous-collectivité"),
                                        Matchers.containsString("Service juridique"),
                                        Matchers.containsString("attribution")))));
    }
}
