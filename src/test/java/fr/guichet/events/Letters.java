package fr.guichet.events;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads what a person finds in an e-mail from the portal: its text, its attachments, and what they say. */
final class Letters {

    private Letters() {}

    record Attachment(String name, String contentType, byte[] content) {}

    static String text(MimeMessage message) {
        try {
            return text((Part) message).orElseThrow(() -> new AssertionError("no text in the message"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<String> text(Part part) throws Exception {
        if (part.isMimeType("text/plain") && part.getFileName() == null) {
            return Optional.of((String) part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (var i = 0; i < multipart.getCount(); i++) {
                var found = text(multipart.getBodyPart(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static List<Attachment> attachments(MimeMessage message) {
        try {
            var found = new ArrayList<Attachment>();
            if (message.getContent() instanceof Multipart multipart) {
                for (var i = 0; i < multipart.getCount(); i++) {
                    var part = multipart.getBodyPart(i);
                    if (part.getFileName() != null) {
                        found.add(new Attachment(
                                part.getFileName(), part.getContentType(), bytes(part.getInputStream())));
                    }
                }
            }
            return found;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Attachment attachment(MimeMessage message, String suffix) {
        return attachments(message).stream()
                .filter(a -> a.name().endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + suffix + " attached"));
    }

    static String pdfText(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Calendar calendar(byte[] ics) {
        try {
            return new CalendarBuilder().build(new java.io.ByteArrayInputStream(ics));
        } catch (Exception e) {
            throw new AssertionError(new String(ics, StandardCharsets.UTF_8), e);
        }
    }

    private static byte[] bytes(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
