package fr.guichet.demo;

import fr.guichet.access.DecidedBy;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceDefinition;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.administration.Delegation;
import fr.guichet.branding.Branding;
import fr.guichet.branding.Brandings;
import fr.guichet.branding.ColorScheme;
import fr.guichet.branding.ImageSlot;
import fr.guichet.branding.WelcomeSide;
import fr.guichet.certificates.CertificatesSetup;
import fr.guichet.credits.Direction;
import fr.guichet.credits.Ledger;
import fr.guichet.credits.NewMovement;
import fr.guichet.events.EventsSetup;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.HelpdeskSetup;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteServers;
import fr.guichet.knowledge.KnowledgeSetup;
import fr.guichet.news.AnnouncementDraft;
import fr.guichet.news.AnnouncementKind;
import fr.guichet.news.Announcements;
import fr.guichet.news.Criterion;
import fr.guichet.news.Target;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.releases.ReleaseKind;
import fr.guichet.releases.Releases;
import fr.guichet.shared.PublicAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
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
    private final ServiceCatalogue catalogue;
    private final HelpdeskSetup helpdesk;
    private final SiteServers servers;
    private final CorrespondentSites sites;
    private final Releases releases;
    private final KnowledgeSetup knowledge;
    private final Announcements announcements;
    private final Ledger ledger;
    private final CertificatesSetup certificates;
    private final EventsSetup events;
    private final Brandings brandings;
    private final String configuredPassword;
    private final PublicAddress address;

    DemoData(
            Organizations organizations,
            Accounts accounts,
            Delegation delegation,
            ServiceCatalogue catalogue,
            HelpdeskSetup helpdesk,
            SiteServers servers,
            CorrespondentSites sites,
            Releases releases,
            KnowledgeSetup knowledge,
            Announcements announcements,
            Ledger ledger,
            CertificatesSetup certificates,
            EventsSetup events,
            Brandings brandings,
            @Value("${guichet.demo.password:}") String configuredPassword,
            PublicAddress address) {
        this.announcements = announcements;
        this.ledger = ledger;
        this.certificates = certificates;
        this.events = events;
        this.brandings = brandings;
        this.helpdesk = helpdesk;
        this.servers = servers;
        this.sites = sites;
        this.releases = releases;
        this.knowledge = knowledge;
        this.organizations = organizations;
        this.accounts = accounts;
        this.delegation = delegation;
        this.catalogue = catalogue;
        this.configuredPassword = configuredPassword;
        this.address = address;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organizations.countEstablishments() > 0) {
            return;
        }
        var password = configuredPassword.isBlank() ? generated() : configuredPassword;
        var agency =
                organizations.createEstablishment("Agence de mutualisation (démo)", "AGENCE", Set.of("agence-demo.fr"));
        var montval = organizations.createEstablishment("Université de Montval", "UMV", Set.of("univ-montval.fr"));
        var lacbleu = organizations.createEstablishment(
                "Université du Lac Bleu", "ULB", Set.of("univ-lacbleu.fr", "etu.univ-lacbleu.fr"));
        organizations.createEstablishment("Institut national des archives numériques", "INAN", Set.of("inan.fr"));
        organizations.createEstablishment(
                "Centre régional des œuvres universitaires de Montval", "CROUS-MV", Set.of("crous-montval.fr"));

        var admin = accounts.createVerified(
                "admin@agence-demo.fr", Civility.MADAME, "Lefèvre", "Sophie", agency, true, password);
        var claire = accounts.createVerified(
                "claire.martin@univ-montval.fr", Civility.MADAME, "Martin", "Claire", montval, false, password);
        delegation.nameFirstSuperAdmin(montval, claire);
        var purchasing = organizations.createSubOrganization(
                montval,
                "LARGE",
                new OrganizationDetails(
                        "Direction des achats",
                        "1 place de l’Université",
                        "75005",
                        "Montval",
                        "01 23 45 67 00",
                        null,
                        null));
        organizations.createSubOrganization(
                purchasing,
                "SMALL",
                new OrganizationDetails(
                        "Service des marchés",
                        "1 place de l’Université",
                        "75005",
                        "Montval",
                        "01 23 45 67 01",
                        null,
                        null));
        accounts.createVerified(
                "paul.bernard@univ-lacbleu.fr", Civility.MONSIEUR, "Bernard", "Paul", lacbleu, false, password);
        var luc = accounts.createVerified(
                "luc.moreau@univ-montval.fr", Civility.MONSIEUR, "Moreau", "Luc", purchasing, false, password);
        var agent = accounts.createVerified(
                "agent@agence-demo.fr", Civility.MONSIEUR, "Garnier", "Hugo", agency, false, password);
        accounts.makeAgent(agent);
        catalogue();
        helpdesk(montval, luc, agent);
        news(admin);
        credits(montval, purchasing);
        branding(montval, claire);
        // the agency's queue of certificate requests is not empty on the first visit
        certificates.request(claire, purchasing, "Luc Moreau", "1 place de l’Université", "75005", "Montval", 2);
        // a training Luc is registered for, and a seminar whose registration waits for Claire's agreement
        events.demo(agent, montval, luc);

        if (configuredPassword.isBlank()) {
            log.warn("""

                    ==================================================================
                     Demo data created. Accounts (shown once, write the password down):
                       admin@agence-demo.fr           (platform admin)
                       claire.martin@univ-montval.fr  (super admin, Université de Montval)
                       paul.bernard@univ-lacbleu.fr   (member, Université du Lac Bleu: no super admin yet)
                       luc.moreau@univ-montval.fr     (member, Direction des achats de Montval)
                       agent@agence-demo.fr           (agent of the agency)
                     Password of all five: {}
                     E-mails of the portal: {}
                    ==================================================================""", password, address.link("/dev/mailbox"));
        } else {
            log.info("Demo data created; demo accounts use the password set in guichet.demo.password");
        }
    }

    /** Montval's public home page for suppliers (/collectivites/{id}), which its sub-organisations show too. */
    private void branding(OrganizationId montval, AccountId superAdmin) {
        brandings.saveDraft(
                superAdmin,
                montval,
                ColorScheme.BLUE,
                WelcomeSide.LEFT,
                "Bienvenue aux entreprises",
                "L’Université de Montval publie ici ses consultations. Les dossiers se retirent sur son profil"
                        + " acheteur ; les questions se posent par écrit jusqu’à dix jours avant la date limite.",
                List.of(
                        new Branding.LinkInput("Profil acheteur", "https://marches.univ-montval.fr"),
                        new Branding.LinkInput("Guide de l’achat public", "https://www.economie.gouv.fr/daj")),
                List.of(
                        new Brandings.Upload(
                                ImageSlot.BANNER,
                                DemoImages.of(ImageSlot.BANNER, "Université de Montval — marchés publics")),
                        new Brandings.Upload(ImageSlot.LOGO, DemoImages.of(ImageSlot.LOGO, "UMV"))));
        brandings.publish(superAdmin, montval, "-");
    }

    /** A published Sifac patch: Luc finds it in his space and its e-mail in the mailbox page. */
    private void release(AccountId agent, ProductId sifac) {
        var version = sites.versions(sifac).stream()
                .filter(v -> v.label().equals("2026.1"))
                .findFirst()
                .orElseThrow();
        var notes =
                "Sifac 2026.1, correctif 3\n\n- FB60 : la saisie d’une facture après la clôture de novembre ne bloque plus.\n"
                        + "- Immobilisations : l’état des amortissements reprend les sorties de l’exercice.\n";
        try {
            var id = releases.create(
                    agent,
                    sifac,
                    new Releases.Draft(
                            ReleaseKind.PATCH,
                            version.id(),
                            "Sifac 2026.1 — correctif 3",
                            "Corrige le blocage de la saisie FB60 après clôture et l’état des amortissements."),
                    List.of(new Releases.Upload(
                            "sifac-2026.1-correctif-3-notes.txt",
                            new ByteArrayInputStream(notes.getBytes(StandardCharsets.UTF_8)))));
            releases.publish(agent, sifac, id, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        announcements.publish(
                agent,
                new AnnouncementDraft(
                        "Sifac : calendrier des formations du premier semestre",
                        """
                        Les sessions de formation Sifac du premier semestre sont ouvertes :

                        | Module | Dates |
                        |---|---|
                        | Dépenses (FB60, MIRO) | 14 et 15 janvier |
                        | Immobilisations | 4 février |
                        | Clôture de l’exercice | 11 mars |

                        Inscriptions auprès de l’Agence.""",
                        AnnouncementKind.TRAINING_CALENDAR,
                        sifac.value(),
                        null,
                        null,
                        new Target(false, Map.of(Criterion.CORRESPONDENTS, Set.of(sifac.value() + ":BOTH")))),
                null);
    }

    /**
     * Montval's credits: bought five months ago, consumed since by its purchasing
     * department (the tree draws on one balance), one consumption corrected.
     */
    private void credits(OrganizationId montval, OrganizationId purchasing) {
        var today = ledger.today();
        var origin = "service:demo-salle";
        ledger.post(
                montval,
                new NewMovement("demo-1", Direction.CREDIT, 40, null, today.minusMonths(5), "Achat de 40 points", null),
                origin);
        var consumptions =
                List.of("MAPA", "NOTICE_TENDER_FILE", "MAPA", "FORMAL_PROCEDURE", "MAPA", "NOTICE_TENDER_FILE");
        for (var i = 0; i < consumptions.size(); i++) {
            ledger.post(
                    purchasing,
                    new NewMovement(
                            "demo-" + (i + 2),
                            Direction.DEBIT,
                            i == 3 ? 5 : 2,
                            consumptions.get(i),
                            today.minusDays(12L + 17L * i),
                            "Consultation 2026-0" + (40 + i),
                            null),
                    origin);
        }
        ledger.post(
                purchasing,
                new NewMovement(
                        "demo-9", Direction.CREDIT, 2, null, today.minusDays(10), "Consultation annulée", "demo-2"),
                origin);
    }

    /** The agency's newsletter: shown to everyone, e-mailed to those who asked for it. */
    private void news(AccountId admin) {
        announcements.publish(
                admin,
                new AnnouncementDraft(
                        "Bienvenue sur Guichet",
                        "Un seul compte pour vos services, vos demandes d’assistance et les actualités de l’Agence. "
                                + "Choisissez ce qui vous parvient dans **Mon compte › Mes alertes électroniques**.",
                        AnnouncementKind.NEWS,
                        null,
                        null,
                        null,
                        Target.toEveryone()),
                null);
    }

    /**
     * Two products: Luc is Sifac's functional correspondent at Montval, whose installed
     * version is validated; Apogée has none validated there yet (the form then says whom to ask). Luc has
     * filed two Sifac tickets: one waits for his answer to the agent's question, one for the agent to take it.
     */
    private void helpdesk(OrganizationId montval, AccountId luc, AccountId agent) {
        var sifac = helpdesk.product(
                "SIFAC",
                "Sifac",
                "Indiquez la transaction, le code message exact et l’exercice comptable.",
                List.of("2025.2", "2026.1"),
                List.of(false, true));
        var apogee = helpdesk.product(
                "APOGEE",
                "Apogée",
                "Indiquez l’année universitaire, l’écran et le code message exact.",
                List.of("6.30", "6.40"),
                List.of(false, true));
        helpdesk.domains(sifac, List.of("Comptabilité générale", "Dépenses", "Immobilisations", "Recettes"));
        helpdesk.domains(apogee, List.of("Inscriptions administratives", "Inscriptions pédagogiques", "Résultats"));
        helpdesk.correspondent(montval, sifac, luc, CorrespondentKind.FUNCTIONAL);
        helpdesk.correspondent(montval, apogee, luc, CorrespondentKind.TECHNICAL);
        helpdesk.installedVersion(montval, sifac, "2026.1");
        servers.replaceServers(
                agent,
                montval,
                sifac,
                List.of(
                        new SiteServers.Server(
                                "sifac-prod", SiteServers.Role.PRODUCTION, "RHEL", "9", "Oracle", "19c", null),
                        new SiteServers.Server(
                                "sifac-preprod", SiteServers.Role.PREPRODUCTION, "RHEL", "9", "Oracle", "19c", null)));
        release(agent, sifac);
        var team = helpdesk.team("Équipe Sifac et Apogée", List.of(agent));
        var sifacTickets = helpdesk.levelTwoCategory("Sifac — assistance de niveau 2", sifac, team);
        helpdesk.levelTwoCategory("Apogée — assistance de niveau 2", apogee, team);
        helpdesk.simpleCategory("Accès au portail et à mon compte", team);
        var blocked = helpdesk.levelTwoTicket(
                luc,
                montval,
                sifacTickets,
                Priority.BLOCKING,
                Nature.FUNCTIONAL,
                "FB60",
                "Facture bloquée en FB60",
                "La saisie d’une facture fournisseur échoue avec le message FB60 depuis la clôture de novembre.");
        helpdesk.takeAndAsk(agent, blocked, "Sur quel exercice comptable, et pour tous les fournisseurs ?");
        helpdesk.levelTwoTicket(
                luc,
                montval,
                sifacTickets,
                Priority.NON_BLOCKING,
                Nature.TECHNICAL,
                null,
                "Export des mandats très lent",
                "L’export des mandats de paiement prend plus de dix minutes depuis la montée en version 2026.1.");
        // the public knowledge base has something to show: a validated solution and a known issue
        var solved = helpdesk.levelTwoTicket(
                luc,
                montval,
                sifacTickets,
                Priority.NON_BLOCKING,
                Nature.FUNCTIONAL,
                "ORA-01403",
                "Paiements rejetés à la validation du bordereau",
                "La validation du bordereau de mandats échoue avec ORA-01403 ; les paiements restent en attente.");
        helpdesk.solve(
                agent,
                luc,
                solved,
                "Le bordereau contenait un mandat annulé : supprimez-le du bordereau (transaction FMBOR), "
                        + "puis validez de nouveau. Corrigé durablement en version 2026.2.");
        var known = helpdesk.levelTwoTicket(
                luc,
                montval,
                sifacTickets,
                Priority.NON_BLOCKING,
                Nature.FUNCTIONAL,
                null,
                "État des dépenses engagées sans les avenants",
                "L’état des dépenses engagées n’inclut pas les avenants aux conventions signés après le 1er septembre.");
        helpdesk.putToDecision(agent, known);
        var section = knowledge.section(agent, "Assistance Sifac", sifacTickets);
        knowledge.question(
                section,
                agent,
                "Que faut-il indiquer dans une demande Sifac ?",
                "Pour qu’elle soit traitée vite :\n\n- la **transaction** utilisée (par exemple `FB60`) ;\n"
                        + "- le **code message** exact ;\n- l’exercice comptable.\n\nUn seul problème par demande.");
    }

    /** The framework agreements (their establishments' super admins decide), and one tool of each other kind of decision. */
    private void catalogue() {
        var agreements = List.of(
                new String[] {"BPA", "ARCHITECTURE D'ENTREPRISE (BPA)", "INFORMATION_SYSTEMS"},
                new String[] {
                    "A3C", "CERTIFICATION DES COMPTES DES ÉTABLISSEMENTS ESR ET MISSIONS CONNEXES (A3C)", "FINANCE"
                },
                new String[] {"DEVOLUTION", "DÉVOLUTION DU PATRIMOINE", "REAL_ESTATE"},
                new String[] {"ESR-MISSION", "ESR MISSION", "PURCHASING"},
                new String[] {"INFOGERANCE", "INFOGÉRANCE", "INFORMATION_SYSTEMS"},
                new String[] {"INSTRUMENTATION-2022", "INSTRUMENTATION SCIENTIFIQUE (2022)", "RESEARCH"},
                new String[] {"SIHAM-AC", "LES ACCORDS-CADRES SIHAM", "HUMAN_RESOURCES"},
                new String[] {"MATINFO6", "MATINFO 6", "PURCHASING"},
                new String[] {
                    "SIPI", "OFFRE LOGICIELLE SYSTÈME D'INFORMATION PATRIMOINE IMMOBILIER (SIP1)", "REAL_ESTATE"
                },
                new String[] {"CLOUD", "SERVICES CLOUD", "INFORMATION_SYSTEMS"});
        for (var a : agreements) {
            catalogue.define(new ServiceDefinition(
                    a[0],
                    a[1],
                    "Accord-cadre de la centrale d’achats : pièces du marché, "
                            + "bordereaux de prix, guides d’utilisation.",
                    InterestDomain.valueOf(a[2]),
                    DecidedBy.SUPER_ADMINS,
                    true));
        }
        catalogue.define(new ServiceDefinition(
                "VEILLE-JURIDIQUE",
                "Veille juridique de l’Agence",
                "Lettre et base de veille juridique, ouvertes à tout membre confirmé.",
                InterestDomain.LEGAL,
                DecidedBy.NOBODY,
                true));
        catalogue.define(new ServiceDefinition(
                "EXTRANET-SINAPS",
                "Espace collaboratif Sinaps",
                "Documentation projet, accès accordé par l’équipe Sinaps de l’Agence.",
                InterestDomain.INFORMATION_SYSTEMS,
                DecidedBy.AGENCY,
                true));
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
