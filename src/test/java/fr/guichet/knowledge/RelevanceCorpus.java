package fr.guichet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.support.TestSmtp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Version;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * French relevance on a small corpus of published sheets: accents, plurals, stems and elisions
 * find their words, codes match whole, the expected sheet comes first, similar tickets and the FAQ
 * answer — the same on each search backend (a subclass per backend).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RelevanceCorpus {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    ApplicationContext context;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    Faq faq;

    AccountId agent;
    String marker;

    ProductId product;
    final Map<String, Long> corpus = new LinkedHashMap<>();

    @BeforeAll
    void aCorpusOfPublishedSheets() {
        var site = PublishingSite.create(
                context, "Université", new String[] {"Camille", "Corpus"}, new String[] {"Agent", "Corpus"});
        var driver = site.driver();
        marker = site.marker();
        product = site.product();
        agent = site.agent();
        var correspondent = site.correspondent();
        var establishment = site.establishment();
        var category = site.category();
        var sheets = new String[][] {
            {"sepa", null, "Paiements rejetés par la banque", "Les paiements SEPA sont rejetés à l'envoi du fichier."},
            {"etat", null, "État des dépenses incomplet", "L'état des dépenses engagées n'affiche pas les mandats."},
            {
                "ora3",
                "ORA-01403",
                "Erreur à la validation du bon de commande",
                "Aucune donnée trouvée lors de la validation."
            },
            {"ora4", "ORA-01404", "Erreur sur l'inventaire", "Colonne trop longue pour la valeur saisie."},
            {
                "fb60",
                "FB60",
                "Transaction de saisie inaccessible",
                "La saisie de facture renvoie une autorisation manquante."
            },
            {
                "cloture",
                null,
                "Écritures de clôture absentes",
                "Les écritures d'inventaire de clôture ne sont pas générées."
            },
            {"conventions", null, "Conventions de recherche", "Le suivi des conventions ne calcule pas les échéances."},
            {"doublon", null, "Mandat de paiement en double", "Un mandat apparaît deux fois dans le bordereau."},
        };
        for (var sheet : sheets) {
            var ticket = driver.file(correspondent, establishment, category, null, null, sheet[1], sheet[2], sheet[3]);
            driver.solveAndValidate(agent, correspondent, ticket, "Solution de la fiche " + sheet[0]);
            corpus.put(sheet[0], ticket.value());
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        corpus.values().stream().allMatch(n -> search.sheet(n).isPresent()));
    }

    @Test
    void pluralsAndSingularsFindEachOther() {
        assertThat(found("paiement")).containsExactlyInAnyOrder(corpus.get("sepa"), corpus.get("doublon"));
        assertThat(found("paiements")).containsExactlyInAnyOrder(corpus.get("sepa"), corpus.get("doublon"));
        assertThat(found("convention").get(0)).isEqualTo(corpus.get("conventions"));
        assertThat(found("factures")).containsExactly(corpus.get("fb60"));
        assertThat(found("mandats").get(0)).as("in the title first").isEqualTo(corpus.get("doublon"));
    }

    @Test
    void accentsAndElisionsAreOptional() {
        assertThat(found("etat depenses")).containsExactly(corpus.get("etat"));
        assertThat(found("ÉTAT")).containsExactly(corpus.get("etat"));
        assertThat(found("echeance")).containsExactly(corpus.get("conventions"));
        assertThat(found("ecriture cloture").get(0)).isEqualTo(corpus.get("cloture"));
        assertThat(found("l'écriture")).containsExactly(corpus.get("cloture"));
        assertThat(found("rejete")).containsExactly(corpus.get("sepa"));
    }

    @Test
    void messageCodesMatchWholeAndComeFirst() {
        assertThat(found("ORA-01403")).containsExactly(corpus.get("ora3"));
        assertThat(found("ora-01403")).containsExactly(corpus.get("ora3"));
        assertThat(found("erreur ORA-01404").get(0)).isEqualTo(corpus.get("ora4"));
        assertThat(found("fb60")).containsExactly(corpus.get("fb60"));
        assertThat(search.search(new KnowledgeQuery(null, product.value(), null, null, null, "ora-0140", 0))
                        .sheets())
                .as("a code filter is whole, not a prefix")
                .isEmpty();
        assertThat(search.search(new KnowledgeQuery(null, product.value(), null, null, null, "Ora-01404", 0))
                        .sheets())
                .extracting(SheetView::number)
                .containsExactly(corpus.get("ora4"));
    }

    @Test
    void aNumberOpensItsSheet() {
        assertThat(found(String.valueOf(corpus.get("cloture")))).containsExactly(corpus.get("cloture"));
        assertThat(found("#" + corpus.get("etat"))).containsExactly(corpus.get("etat"));
    }

    @Test
    void hibernateSearchRunsOnTheOrmVersionBootShips() {
        // Hibernate Search 8.3 is built against ORM 7.3; Boot 4.1 brings 7.4: this corpus was indexed and searched on
        // it
        assertThat(Version.getVersionString()).startsWith("7.4");
        assertThat(found("paiement")).isNotEmpty();
    }

    @Test
    void similarTicketsShareMostOfTheTypedWordsWithinTheProduct() {
        assertThat(search.similar(product.value(), "paiements rejetés"))
                .extracting(SheetView::number)
                .containsExactly(corpus.get("sepa"));
        assertThat(search.similar(product.value(), "écritures de clôture manquantes"))
                .extracting(SheetView::number)
                .startsWith(corpus.get("cloture"));
        assertThat(search.similar(product.value(), "imprimante en panne")).isEmpty();
        assertThat(search.similar(product.value() + 100_000, "paiements rejetés"))
                .as("another product")
                .isEmpty();
    }

    @Test
    void theFaqIsFoundByItsFrenchWords() {
        var section = faq.addSection(agent, null, "Corpus " + marker, null);
        faq.save(agent, null, section, "Comment régénérer les écritures " + marker + " ?", "Relancez la **clôture**.");
        assertThat(faq.search("ecriture " + marker))
                .extracting(Faq.Question::question)
                .containsExactly("Comment régénérer les écritures " + marker + " ?");
    }

    private List<Long> found(String words) {
        return search.search(new KnowledgeQuery(words, product.value(), null, null, null, null, 0)).sheets().stream()
                .map(SheetView::number)
                .toList();
    }
}
