package fr.guichet.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.jspecify.annotations.Nullable;

/**
 * The convocation to a session, as an A4 PDF. Its {@link Sheet} and {@link Words} are shared with
 * {@link AttendanceCertificatePdf}: both documents are the same letter with other sentences.
 */
final class ConvocationPdf {

    private ConvocationPdf() {}

    static byte[] write(Paper paper) {
        var words = new Words(paper);
        var title = words.get("events.paper.convocation.title");
        try (var sheet = new Sheet()) {
            sheet.letterhead(paper.agencyName(), paper.agencyAddress());
            sheet.title(title);
            sheet.text(words.get(
                    "events.paper.convocation.called", words.person(), paper.eventKind(), paper.eventTitle()));
            sheet.space();
            sheet.strong(words.when());
            for (var slot : paper.slots()) {
                sheet.text(words.slot(slot), Sheet.INDENT);
                for (var line : words.whereabouts(slot)) {
                    sheet.text(line, 2 * Sheet.INDENT);
                }
            }
            var note = paper.note();
            if (note != null && !note.isBlank()) {
                sheet.space();
                sheet.strong(words.get("events.paper.convocation.note"));
                sheet.text(note);
            }
            sheet.space();
            sheet.text(words.get("events.paper.convocation.reference", paper.reference()));
            sheet.text(words.get("events.paper.convocation.issued", words.date(paper.issuedAt())));
            return sheet.bytes(title + " – " + paper.eventTitle(), paper);
        } catch (IOException e) {
            throw new UncheckedIOException("a PDF written in memory", e);
        }
    }

    /**
     * A4 pages written from top to bottom in Helvetica: lines wrap within the margins and a page
     * that is full continues on a new one. Helvetica is not embedded, so it only has the
     * WinAnsi characters: every other one is written as near as it can be ({@link #printable}).
     */
    static final class Sheet implements AutoCloseable {

        static final float INDENT = 16;
        private static final PDRectangle FORMAT = PDRectangle.A4;
        private static final float MARGIN = 56.7f; // 2 cm
        static final float WIDTH = FORMAT.getWidth() - 2 * MARGIN;
        private static final float SIZE = 11;
        private static final float LEADING = 1.35f;

        /** Letters NFD does not take apart (a stroke is no combining mark), in their plain form. */
        private static final Map<Integer, String> STROKED = Map.of(
                (int) 'Ł', "L", (int) 'ł', "l", (int) 'Đ', "D", (int) 'đ', "d", (int) 'Ħ', "H", (int) 'ħ', "h",
                (int) 'ı', "i", (int) 'Ŧ', "T", (int) 'ŧ', "t");

        private static final Pattern MARKS = Pattern.compile("\\p{M}+");

        private final PDDocument document = new PDDocument();
        private final PDFont regular = new PDType1Font(FontName.HELVETICA);
        private final PDFont bold = new PDType1Font(FontName.HELVETICA_BOLD);
        private @Nullable PDPageContentStream page;
        private float y;

        void letterhead(String agency, List<String> address) throws IOException {
            write(agency, bold, SIZE + 1, 0);
            for (var line : address) {
                write(line, regular, SIZE - 1, 0);
            }
            y -= 2 * SIZE;
        }

        void title(String title) throws IOException {
            write(title, bold, 18, 0);
            y -= SIZE;
        }

        void strong(String text) throws IOException {
            write(text, bold, SIZE, 0);
        }

        void text(String text) throws IOException {
            write(text, regular, SIZE, 0);
        }

        void text(String text, float indent) throws IOException {
            write(text, regular, SIZE, indent);
        }

        void space() {
            y -= SIZE;
        }

        /** Lines at the foot of the last page, on a page of their own if this one has no room left. */
        void foot(List<String> texts) throws IOException {
            var size = SIZE - 2;
            var lines = new ArrayList<String>();
            for (var text : texts) {
                lines.addAll(wrap(text, regular, size, WIDTH));
            }
            var height = lines.size() * size * LEADING;
            if (page == null || y - SIZE - height < MARGIN) {
                newPage();
            }
            y = MARGIN + height;
            for (var line : lines) {
                y -= size * LEADING;
                draw(line, regular, size, 0);
            }
        }

        byte[] bytes(String title, Paper paper) throws IOException {
            closePage();
            var information = document.getDocumentInformation();
            information.setTitle(title);
            information.setAuthor(paper.agencyName());
            information.setCreationDate(GregorianCalendar.from(paper.issuedAt().atZone(paper.zone())));
            document.getDocumentCatalog().setLanguage(paper.locale().toLanguageTag());
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }

        @Override
        public void close() throws IOException {
            closePage();
            document.close();
        }

        private void write(String text, PDFont font, float size, float indent) throws IOException {
            for (var line : wrap(text, font, size, WIDTH - indent)) {
                show(line, font, size, indent);
            }
        }

        private void show(String line, PDFont font, float size, float indent) throws IOException {
            if (page == null || y - size * LEADING < MARGIN) {
                newPage();
            }
            y -= size * LEADING;
            draw(line, font, size, indent);
        }

        private void draw(String line, PDFont font, float size, float indent) throws IOException {
            var content = current();
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN + indent, y);
            content.showText(line);
            content.endText();
        }

        private PDPageContentStream current() {
            var content = page;
            if (content == null) {
                throw new IllegalStateException("no page begun");
            }
            return content;
        }

        private void newPage() throws IOException {
            closePage();
            var next = new PDPage(FORMAT);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = FORMAT.getHeight() - MARGIN;
        }

        private void closePage() throws IOException {
            if (page != null) {
                page.close();
                page = null;
            }
        }

        /** The text in lines no wider than the width; its own line breaks are kept. */
        static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
            var lines = new ArrayList<String>();
            for (var paragraph : text.split("\\R", -1)) {
                var line = new StringBuilder();
                for (var word : printable(paragraph, font).trim().split(" +")) {
                    var longer = line.isEmpty() ? word : line + " " + word;
                    if (width(longer, font, size) <= width) {
                        line.setLength(0);
                        line.append(longer);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    // a word wider than the page (a URL, a title without spaces) is cut where it must be
                    for (var c : word.codePoints().toArray()) {
                        var next = line + Character.toString(c);
                        if (!line.isEmpty() && width(next, font, size) > width) {
                            lines.add(line.toString());
                            line.setLength(0);
                        }
                        line.appendCodePoint(c);
                    }
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private static float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /**
         * The text in characters the font can show: each other character in its unaccented form
         * ("Ż" as "Z"), or as "?" if it has none (Greek, emoji); spaces of any kind as a space, and
         * invisible ones (controls, joiners, direction marks) left out. Writing never fails on a name.
         */
        static String printable(String text, PDFont font) {
            var out = new StringBuilder();
            Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> out.append(printable(c, font)));
            return out.toString();
        }

        private static String printable(int c, PDFont font) {
            var character = Character.toString(c);
            if (encodable(character, font)) {
                return character;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return " ";
            }
            var type = Character.getType(c);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                return "";
            }
            var plain = STROKED.getOrDefault(
                    c,
                    MARKS.matcher(Normalizer.normalize(character, Normalizer.Form.NFD))
                            .replaceAll(""));
            return !plain.isEmpty() && encodable(plain, font) ? plain : "?";
        }

        private static boolean encodable(String text, PDFont font) {
            try {
                font.encode(text);
                return true;
            } catch (IllegalArgumentException | IOException unknown) {
                return false;
            }
        }
    }

    /** The documents' words in the paper's language, from the application's message bundles. */
    static final class Words {

        /** "75013 Paris Cedex 13": the town after the postal code, without the Cedex. */
        private static final Pattern TOWN =
                Pattern.compile("^\\d{5}\\s+(.+?)(?:\\s+cedex\\b.*)?$", Pattern.CASE_INSENSITIVE);

        private final Paper paper;
        private final ResourceBundle bundle;

        Words(Paper paper) {
            this.paper = paper;
            // no fallback to the server's language: French is the base bundle, as for the pages
            this.bundle = ResourceBundle.getBundle(
                    "messages",
                    paper.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        String get(String key, Object... arguments) {
            var pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, paper.locale()).format(arguments);
        }

        /** "Marie Curie (Université de Lille)". */
        String person() {
            var establishment = paper.establishment();
            return establishment == null || establishment.isBlank()
                    ? paper.personName()
                    : paper.personName() + " (" + establishment + ")";
        }

        /** "Date et horaires (heure de Paris) :": the times below are the agency's. */
        String when() {
            var id = paper.zone().getId();
            var town = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
            return get("events.paper.when", get("events.paper.zone", town));
        }

        /** The day and the hours ("mardi 12 janvier 2027" then "de 9 h 30 à 17 h 00"), or two days and hours. */
        String slot(Paper.Slot slot) {
            var start = slot.start().atZone(paper.zone());
            var end = slot.end().atZone(paper.zone());
            return start.toLocalDate().equals(end.toLocalDate())
                    ? get("events.paper.slot", day(slot.start()), time(slot.start()), time(slot.end()))
                    : get(
                            "events.paper.slot.days",
                            day(slot.start()),
                            time(slot.start()),
                            day(slot.end()),
                            time(slot.end()));
        }

        /** Where the session takes place: the room and its address, the video link, or both. */
        List<String> whereabouts(Paper.Slot slot) {
            var lines = new ArrayList<String>();
            var place = join(slot.place(), slot.address());
            if (!place.isEmpty()) {
                lines.add(get("events.paper.place", place));
            }
            var link = slot.videoLink();
            if (link != null && !link.isBlank()) {
                lines.add(get("events.paper.online", link));
            }
            return lines;
        }

        /** "10 h 30", "10 h". */
        String duration(Duration duration) {
            var hours = String.valueOf(duration.toHours());
            var minutes = duration.toMinutesPart();
            return minutes == 0
                    ? get("events.paper.hours", hours)
                    : get("events.paper.hours-minutes", hours, "%02d".formatted(minutes));
        }

        /** "mardi 12 janvier 2027"; "vendredi 1er janvier 2027". */
        String day(Instant instant) {
            return format(instant, "events.paper.day-format", "events.paper.first-day-format");
        }

        /** "12 janvier 2027". */
        String date(Instant instant) {
            return format(instant, "events.paper.date-format", "events.paper.first-date-format");
        }

        String time(Instant instant) {
            return DateTimeFormatter.ofPattern(get("events.paper.time-format"), paper.locale())
                    .format(instant.atZone(paper.zone()));
        }

        /** The agency's town, read in its address ("75013 Paris"), if it has one. */
        @Nullable
        String town() {
            for (var i = paper.agencyAddress().size() - 1; i >= 0; i--) {
                var matcher = TOWN.matcher(paper.agencyAddress().get(i).strip());
                if (matcher.matches()) {
                    return matcher.group(1);
                }
            }
            return null;
        }

        private String format(Instant instant, String pattern, String firstOfMonth) {
            var local = instant.atZone(paper.zone());
            var key = local.getDayOfMonth() == 1 ? firstOfMonth : pattern;
            return DateTimeFormatter.ofPattern(get(key), paper.locale()).format(local);
        }

        private static String join(@Nullable String place, @Nullable String address) {
            var parts = new ArrayList<String>();
            if (place != null && !place.isBlank()) {
                parts.add(place.strip());
            }
            if (address != null && !address.isBlank()) {
                parts.add(address.strip());
            }
            return String.join(", ", parts);
        }
    }
}
