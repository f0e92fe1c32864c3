package fr.guichet.support;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.organization.OrganizationId;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A further super admin of an establishment, named as people name one: by one of its super admins,
 * through the establishment's super admins page (the first is the platform's setting-up,
 * {@code Delegation.nameFirstSuperAdmin}).
 */
public final class SuperAdmins {

    private SuperAdmins() {}

    public static void nameNext(
            MockMvc mvc, Accounts accounts, AccountId by, OrganizationId establishment, AccountId person)
            throws Exception {
        var email = accounts.find(by).orElseThrow().email();
        var named = Visitor.signedIn(mvc, email)
                .perform(MockMvcRequestBuilders.post("/organisations/{id}/super-admins", establishment.value())
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("person", String.valueOf(person.value())))
                .andReturn();
        assertThat(named.getFlashMap().get("saved")).as("named by the page").isEqualTo("account.saved");
    }
}
