package fr.guichet.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The convocation and the attendance certificate, read back as their reader's PDF viewer shows them. */
class PaperDocumentsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final float A4_WIDTH = PDRectangle.A4.getWidth();
    static final float MARGIN = 56.7f;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    /** Tuesday 12 January 2027, 9:30 to 17:00 in Paris (UTC+1 in winter). */
    static final Paper.Slot WINTER = new Paper.Slot(
            Instant.parse("2027-01-12T08:30:00Z"),
            Instant.parse("2027-01-12T16:00:00Z"),
            "Salle Marie Curie",
            "12 rue de l’Université, 75007 Paris",
            null);

    @Test
    void theConvocationSaysWhoIsCalledToWhatWhenAndWhereInParisTime() throws IOException {
        var text =
                text(ConvocationPdf.write(paper(Locale.FRENCH, "Marie Curie", "Piloter un projet", List.of(WINTER))));

        assertThat(text)
                .contains("Agence de mutualisation des universités")
                .contains("103 boulevard Saint-Michel")
                .contains("Convocation")
                .contains("Marie Curie (Université de Lille) est convoqué(e) à : Formation « Piloter un projet »")
                .contains("Date et horaires (heure de Paris) :")
                .contains("mardi 12 janvier 2027, de 9 h 30 à 17 h 00")
                .contains("Lieu : Salle Marie Curie, 12 rue de l’Université, 75007 Paris")
                .contains("Message de l’organisateur :")
                .contains("Apportez votre ordinateur.")
                .contains("Référence : INS-2027-0042")
                .contains("Émise le 5 janvier 2027");
    }

    @Test
    void theDocumentInformationNamesTheDocumentItsAgencyAndItsDate() throws IOException {
        var bytes = ConvocationPdf.write(paper(Locale.FRENCH, "Marie Curie", "Piloter un projet", List.of(WINTER)));

        try (var document = Loader.loadPDF(bytes)) {
            var information = document.getDocumentInformation();
            assertThat(information.getTitle()).isEqualTo("Convocation – Piloter un projet");
            assertThat(information.getAuthor()).isEqualTo("Agence de mutualisation des universités");
            assertThat(information.getCreationDate().toInstant()).isEqualTo(Instant.parse("2027-01-05T10:00:00Z"));
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(A4_WIDTH);
        }
    }

    @Test
    void anOnlineSessionInSummerIsShownInParisSummerTimeWithItsLink() throws IOException {
        var summer = new Paper.Slot(
                Instant.parse("2027-07-06T07:00:00Z"),
                Instant.parse("2027-07-06T10:15:00Z"),
                null,
                null,
                "https://visio.example.fr/j/123");

        var text = text(ConvocationPdf.write(paper(Locale.FRENCH, "Marie Curie", "Webinaire", List.of(summer))));

        assertThat(text)
                .contains("mardi 6 juillet 2027, de 9 h 00 à 12 h 15")
                .contains("En ligne : https://visio.example.fr/j/123")
                .doesNotContain("Lieu :");
    }

    @Test
    void theFirstOfTheMonthIsWrittenTheFrenchWayAndASessionOverTwoDaysHasBoth() throws IOException {
        var overnight = new Paper.Slot(
                Instant.parse("2027-09-30T22:00:00Z"), Instant.parse("2027-10-02T15:00:00Z"), "Salle 1", null, null);

        var text = text(ConvocationPdf.write(paper(Locale.FRENCH, "Marie Curie", "Hackathon", List.of(overnight))));

        assertThat(text).contains("du vendredi 1er octobre 2027, 0 h 00, au samedi 2 octobre 2027, 17 h 00");
    }

    @Test
    void anEnglishReaderHasEveryLabelInEnglish() throws IOException {
        var paper = paper(Locale.ENGLISH, "Marie Curie", "Project management", List.of(WINTER));

        var convocation = text(ConvocationPdf.write(paper));
        var certificate = text(AttendanceCertificatePdf.write(paper, Duration.ofMinutes(450)));

        assertThat(convocation)
                .contains("Invitation")
                .contains("Marie Curie (Université de Lille) is invited to: Formation “Project management”")
                .contains("Date and time (Paris time):")
                .contains("Tuesday 12 January 2027, 09:30 to 17:00")
                .contains("Place: Salle Marie Curie")
                .contains("A word from the organiser:")
                .contains("Reference: INS-2027-0042")
                .contains("Issued on 5 January 2027")
                .doesNotContain("Lieu", "heure", "Référence", "Émise");
        assertThat(certificate)
                .contains("Certificate of attendance")
                .contains("Agence de mutualisation des universités certifies that Marie Curie (Université de Lille)"
                        + " attended Formation “Project management”")
                .contains("7 h 30 min attended")
                .contains("Issued in Paris on 5 January 2027")
                .contains("Verification code: INS-2027-0042")
                .contains("Check this certificate at https://guichet.example.fr/attestations/INS-2027-0042")
                .doesNotContain("atteste", "présence", "Vérifiez");
    }

    @Test
    void aLanguageWithoutTextsIsWrittenInFrenchWhateverTheServersLanguage() throws IOException {
        var server = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            var text = text(
                    ConvocationPdf.write(paper(Locale.GERMAN, "Marie Curie", "Piloter un projet", List.of(WINTER))));

            assertThat(text).contains("Convocation").contains("est convoqué(e)");
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void theCertificateSaysWhatWasAttendedAndEndsWithItsCheckableCode() throws IOException {
        var second = new Paper.Slot(
                Instant.parse("2027-01-19T13:00:00Z"), Instant.parse("2027-01-19T16:00:00Z"), null, null, null);
        var paper = paper(Locale.FRENCH, "Marie Curie", "Piloter un projet", List.of(WINTER, second));

        var bytes = AttendanceCertificatePdf.write(paper, Duration.ofHours(10).plusMinutes(30));

        assertThat(text(bytes))
                .contains("Attestation d’assiduité")
                .contains("Agence de mutualisation des universités atteste que Marie Curie (Université de Lille)"
                        + " a participé à Formation « Piloter un projet »")
                .contains("mardi 12 janvier 2027, de 9 h 30 à 17 h 00")
                .contains("mardi 19 janvier 2027, de 14 h 00 à 17 h 00")
                .contains("soit 10 h 30 de présence")
                .contains("Fait à Paris, le 5 janvier 2027")
                .contains("La directrice, Claire Martin")
                .contains("Code de vérification : INS-2027-0042")
                .contains("Vérifiez cette attestation sur https://guichet.example.fr/attestations/INS-2027-0042");
        try (var document = Loader.loadPDF(bytes)) {
            var code = lineAt(document, "Code de vérification");
            assertThat(code.bottom()).as("the code at the foot of the page").isLessThan(MARGIN + 30);
            assertThat(lineAt(document, "La directrice").left())
                    .as("the signature on the right")
                    .isGreaterThan(A4_WIDTH / 2 - 1);
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Attestation d’assiduité – Piloter un projet");
        }
    }

    @Test
    void wholeHoursHaveNoMinutes() throws IOException {
        var text = text(AttendanceCertificatePdf.write(
                paper(Locale.FRENCH, "Marie Curie", "Piloter un projet", List.of(WINTER)), Duration.ofHours(7)));

        assertThat(text).contains("soit 7 h de présence");
    }

    @Test
    void charactersHelveticaCannotShowAreWrittenAsNearAsItCanWithoutFailing() throws IOException {
        var name = "Łukasz\u0000 Żółć\u0007 🎓 e\u0301";
        var paper = new Paper(
                "Agence ✓ des universités",
                List.of("Ελληνικά\tστοιχεία", "75013 Paris"),
                "Dyrektor, Paweł Nowak",
                name,
                "Uniwersytet Łódzki 👩‍🎓",
                "Formation\u200b « test » \u202fà 100 %",
                "Formation",
                List.of(WINTER),
                "Note\u0001 avec ☕ et \r\n retour",
                "INS-1",
                "https://guichet.example.fr/a/INS-1",
                PARIS,
                Locale.FRENCH,
                Instant.parse("2027-01-05T10:00:00Z"));

        var convocation = text(ConvocationPdf.write(paper));
        var certificate = text(AttendanceCertificatePdf.write(paper, Duration.ofHours(7)));

        assertThat(convocation)
                .contains("Lukasz Zólc ? é (Uniwersytet Lódzki ??)")
                .contains("Agence ? des universités")
                .contains("???????? ????????")
                .contains("Formation « test » à 100 %")
                .contains("Note avec ? et")
                .contains("retour");
        assertThat(certificate).contains("Lukasz Zólc ? é").contains("Dyrektor, Pawel Nowak");
    }

    @Test
    void aVeryLongTitleNoteAndAddressWrapWithinTheMarginsAndLoseNothing() throws IOException {
        var random = new Random(19);
        var words =
                List.of("formation", "à", "l’accompagnement", "des", "établissements", "numérique", "et", "données");
        var title = new StringBuilder();
        while (title.length() < 2_000) {
            title.append(words.get(random.nextInt(words.size()))).append(' ');
        }
        title.append("https://exemple.fr/".repeat(20)); // one word wider than the page
        var note = "Prévoir une pièce d’identité. ".repeat(40);
        var slot = new Paper.Slot(WINTER.start(), WINTER.end(), "Amphithéâtre", "bâtiment B ".repeat(30), null);
        var paper = paper(Locale.FRENCH, "Marie Curie", title.toString().strip(), List.of(slot), note);

        for (var bytes :
                List.of(ConvocationPdf.write(paper), AttendanceCertificatePdf.write(paper, Duration.ofHours(7)))) {
            try (var document = Loader.loadPDF(bytes)) {
                var lines = lines(document);
                assertThat(lines).hasSizeGreaterThan(20);
                assertThat(lines).allSatisfy(line -> assertThat(line.left()).isGreaterThanOrEqualTo(MARGIN - 0.5f));
                assertThat(lines)
                        .allSatisfy(line ->
                                assertThat(line.right()).as(line.text()).isLessThanOrEqualTo(A4_WIDTH - MARGIN + 0.5f));
                var squeezed = squeezed(new PDFTextStripper().getText(document));
                assertThat(squeezed).contains(squeezed(title.toString()));
            }
        }
        var convocation = squeezed(text(ConvocationPdf.write(paper)));
        assertThat(convocation).contains(squeezed(note)).contains(squeezed(slot.address()));
    }

    @Test
    void fortySessionsContinueOnASecondPage() throws IOException {
        var slots = IntStream.range(0, 40)
                .mapToObj(day -> new Paper.Slot(
                        WINTER.start().plus(Duration.ofDays(day)),
                        WINTER.end().plus(Duration.ofDays(day)),
                        null,
                        null,
                        null))
                .toList();
        var paper = paper(Locale.FRENCH, "Marie Curie", "Cycle long", slots);

        for (var bytes :
                List.of(ConvocationPdf.write(paper), AttendanceCertificatePdf.write(paper, Duration.ofHours(300)))) {
            try (var document = Loader.loadPDF(bytes)) {
                assertThat(document.getNumberOfPages()).isEqualTo(2);
                assertThat(page(document, 1)).contains("mardi 12 janvier 2027, de 9 h 30 à 17 h 00");
                assertThat(page(document, 2)).contains("samedi 20 février 2027, de 9 h 30 à 17 h 00");
                var all = page(document, 1) + page(document, 2);
                for (var slot : slots) {
                    var day = DAY.format(slot.start().atZone(PARIS)).replaceFirst(" 1 ", " 1er ");
                    assertThat(all).contains(day + ", de 9 h 30 à 17 h 00");
                }
                assertThat(lines(document))
                        .allSatisfy(line -> assertThat(line.bottom()).isGreaterThanOrEqualTo(MARGIN - 4));
            }
        }
    }

    static Paper paper(Locale locale, String person, String title, List<Paper.Slot> slots) {
        return paper(locale, person, title, slots, "Apportez votre ordinateur.");
    }

    static Paper paper(Locale locale, String person, String title, List<Paper.Slot> slots, @Nullable String note) {
        return new Paper(
                "Agence de mutualisation des universités",
                List.of("103 boulevard Saint-Michel", "75005 Paris"),
                "La directrice, Claire Martin",
                person,
                "Université de Lille",
                title,
                "Formation",
                slots,
                note,
                "INS-2027-0042",
                "https://guichet.example.fr/attestations/INS-2027-0042",
                PARIS,
                locale,
                Instant.parse("2027-01-05T10:00:00Z"));
    }

    /** The text on one line, as a reader reads it: where a line was wrapped makes no difference. */
    static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    static String page(PDDocument document, int page) throws IOException {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    static String squeezed(String text) {
        return text.replaceAll("\\s", "");
    }

    /** A line as written on the page, in points from the page's left and bottom edges. */
    record Line(String text, float left, float right, float bottom) {}

    static List<Line> lines(PDDocument document) throws IOException {
        var lines = new ArrayList<Line>();
        var stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                var first = positions.get(0);
                var last = positions.get(positions.size() - 1);
                lines.add(new Line(
                        text,
                        first.getXDirAdj(),
                        last.getXDirAdj() + last.getWidthDirAdj(),
                        first.getPageHeight() - first.getYDirAdj()));
            }
        };
        stripper.getText(document);
        return lines;
    }

    static Line lineAt(PDDocument document, String start) throws IOException {
        return lines(document).stream()
                .filter(l -> l.text().startsWith(start))
                .findFirst()
                .orElseThrow();
    }
}
