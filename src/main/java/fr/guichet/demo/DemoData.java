package fr.guichet.demo;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.Organizations;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with fictitious establishments and people. No password is shipped:
 * one is generated at the first start and printed once, unless guichet.demo.password sets it.
 */
@Component
@ConditionalOnProperty(name = "guichet.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organizations organizations;
    private final Accounts accounts;
    private final Delegation delegation;
    private final String configuredPassword;

    DemoData(Organizations organizations, Accounts accounts, Delegation delegation,
            @Value("${guichet.demo.password:}") String configuredPassword) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.delegation = delegation;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organizations.countEstablishments() > 0) {
            return;
        }
        var password = configuredPassword.isBlank() ? generated() : configuredPassword;
        var agency = organizations.createEstablishment("Agence de mutualisation (démo)", "AGENCE", Set.of("agence-demo.fr"));
        var montval = organizations.createEstablishment("Université de Montval", "UMV", Set.of("univ-montval.fr"));
        var lacbleu = organizations.createEstablishment("Université du Lac Bleu", "ULB", Set.of("univ-lacbleu.fr", "etu.univ-lacbleu.fr"));
        organizations.createEstablishment("Institut national des archives numériques", "INAN", Set.of("inan.fr"));
        organizations.createEstablishment("Centre régional des œuvres universitaires de Montval", "CROUS-MV", Set.of("crous-montval.fr"));

        accounts.createVerified("admin@agence-demo.fr", Civility.MADAME, "Lefèvre", "Sophie", agency, true, password);
        var claire = accounts.createVerified("claire.martin@univ-montval.fr", Civility.MADAME, "Martin", "Claire", montval, false, password);
        delegation.nameFirstSuperAdmin(montval, claire);
        var purchasing = organizations.createSubOrganization(montval, "LARGE", new OrganizationDetails("Direction des achats",
                "1 place de l’Université", "75005", "Montval", "01 23 45 67 00", null, null));
        organizations.createSubOrganization(purchasing, "SMALL", new OrganizationDetails("Service des marchés",
                "1 place de l’Université", "75005", "Montval", "01 23 45 67 01", null, null));
        accounts.createVerified("paul.bernard@univ-lacbleu.fr", Civility.MONSIEUR, "Bernard", "Paul", lacbleu, false, password);

        if (configuredPassword.isBlank()) {
            log.warn("""

                    ==================================================================
                     Demo data created. Accounts (shown once, write the password down):
                       admin@agence-demo.fr           (platform admin)
                       claire.martin@univ-montval.fr  (super admin, Université de Montval)
                       paul.bernard@univ-lacbleu.fr   (member, Université du Lac Bleu)
                     Password of all three: {}
                     E-mails of the portal: http://localhost:8080/dev/mailbox
                    ==================================================================""", password);
        } else {
            log.info("Demo data created; demo accounts use the password set in guichet.demo.password");
        }
    }

    private static String generated() {
        var alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
