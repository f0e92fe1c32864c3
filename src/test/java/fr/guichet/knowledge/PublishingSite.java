package fr.guichet.knowledge;

import static fr.guichet.support.People.GOOD_PASSWORD;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.TicketDriver;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.People;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * What the knowledge base's tests file in: an establishment with a product installed, its
 * correspondent, an agent in the handling team and a level-2 category that publishes; names made
 * unique by {@code marker}, a word no other test's sheet holds.
 */
record PublishingSite(
        TicketDriver driver,
        String marker,
        OrganizationId establishment,
        ProductId product,
        String correspondentEmail,
        AccountId correspondent,
        String agentEmail,
        AccountId agent,
        long team,
        long category) {

    /** The people's names are given: the redaction tests look for them. */
    static PublishingSite create(
            ApplicationContext context, String establishmentName, String[] correspondentName, String[] agentName) {
        var setup = context.getBean(HelpdeskSetup.class);
        var accounts = context.getBean(Accounts.class);
        var driver = TicketDriver.of(context);
        var marker = "kb" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var domain = People.uniqueDomain();
        var establishment = context.getBean(Organizations.class)
                .createEstablishment(
                        establishmentName + " " + marker,
                        "U" + marker.substring(2, 6).toUpperCase(),
                        Set.of(domain));
        var product = setup.product("SIFAC-" + marker, "Sifac " + marker, null, List.of("2026.1"), List.of(true));
        setup.installedVersion(establishment, product, "2026.1");
        var correspondentEmail = People.uniqueEmail(domain);
        var correspondent = accounts.createVerified(
                correspondentEmail,
                Civility.MADAME,
                correspondentName[1],
                correspondentName[0],
                establishment,
                false,
                GOOD_PASSWORD);
        setup.correspondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL);
        var agentEmail = People.uniqueEmail("agence.test");
        var agent = accounts.createVerified(
                agentEmail, Civility.MONSIEUR, agentName[1], agentName[0], null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var team = setup.team("Sifac " + marker, List.of(agent));
        var category = driver.category("Sifac " + marker, product, true, team);
        return new PublishingSite(
                driver,
                marker,
                establishment,
                product,
                correspondentEmail,
                correspondent,
                agentEmail,
                agent,
                team,
                category);
    }
}
