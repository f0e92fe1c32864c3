package fr.guichet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What redaction removes from a published text, and what it leaves (a surname that is also a word). */
class RedactionTest {

    private final Redaction redaction = new Redaction(
            List.of(
                    new Redaction.Person("Claire", "Lefèvre"),
                    new Redaction.Person("Jean-Marc", "Le Gall"),
                    new Redaction.Person("Siobhan", "O'Neil")),
            List.of(new Redaction.Person("Paul", "Petit")),
            List.of("Université de Bourgogne-Franche-Comté", "UBFC"),
            List.of("DSI-2026-0042"));

    @Test
    void theTicketsPeopleAreRemovedByFirstNameLastNameOrBoth() {
        assertThat(redaction.redact("Bonjour Claire, voyez avec Mme Lefèvre ou LEFEVRE, et Claire Lefevre."))
                .isEqualTo("Bonjour [nom], voyez avec [nom] ou [nom], et [nom].");
        assertThat(redaction.redact("Transmis à Jean-Marc LE GALL puis à M. Le Gall."))
                .isEqualTo("Transmis à [nom] puis à [nom].");
        assertThat(redaction.redact("Le gall d'une clé"))
                .as("not a name written like a name")
                .isEqualTo("Le gall d'une clé");
    }

    @Test
    void otherPeopleAreRemovedOnlyWhereClearlyNamed() {
        assertThat(redaction.redact("Paul Petit a relancé ; PETIT aussi ; M. Petit enfin."))
                .isEqualTo("[nom] a relancé ; [nom] aussi ; [nom] enfin.");
        assertThat(redaction.redact("Petit souci : un petit écart."))
                .as("a word, not a person")
                .isEqualTo("Petit souci : un petit écart.");
    }

    @Test
    void addressesPhonesAndTheEstablishmentAreRemoved() {
        assertThat(redaction.redact("Écrire à sifac.admin@ubfc.fr ou claire.lefevre@u-bourgogne.fr."))
                .isEqualTo("Écrire à [adresse électronique] ou [adresse électronique].");
        assertThat(redaction.redact(
                        "Appeler le 03 80 39 50 00, le 03.80.39.50.01, le +33 3 80 39 50 02, le +33 (0)3 80 39 50 03 "
                                + "ou le 0380395004 ; Bruxelles : +32 2 123 45 67."))
                .isEqualTo("Appeler le [téléphone], le [téléphone], le [téléphone], le [téléphone] ou le [téléphone] ; "
                        + "Bruxelles : [téléphone].");
        assertThat(redaction.redact("À l'Université de Bourgogne - Franche-Comté (UBFC), l'ubfc local reste."))
                .isEqualTo("À l'[établissement] ([établissement]), l'ubfc local reste.");
    }

    @Test
    void typographyDoesNotHideANameANumberOrAReference() {
        assertThat(redaction.redact("Vu avec Mme\u00A0O’Neil et Siobhan\u202FO'Neil."))
                .isEqualTo("Vu avec [nom] et [nom].");
        assertThat(redaction.redact("Tél.\u00A0: 03\u00A080\u00A039\u00A050\u00A000 ou (+33)3 80 39 50 01."))
                .isEqualTo("Tél.\u00A0: [téléphone] ou [téléphone].");
        assertThat(redaction.redact("Notre ticket interne dsi-2026-0042 reste ouvert."))
                .isEqualTo("Notre ticket interne [référence] reste ouvert.");
        assertThat(redaction.redact("À l'Universite de Bourgogne-Franche-Comte."))
                .as("written without accents")
                .isEqualTo("À l'[établissement].");
    }

    @Test
    void codesVersionsAndAmountsStay() {
        var technical = "ORA-01403 en version 2026.1 sur FB60, montant 1 250,00 € le 12/03/2026, ticket 123456.";
        assertThat(redaction.redact(technical)).isEqualTo(technical);
    }
}
