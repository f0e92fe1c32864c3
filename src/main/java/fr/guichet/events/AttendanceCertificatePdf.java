package fr.guichet.events;

import fr.guichet.events.ConvocationPdf.Sheet;
import fr.guichet.events.ConvocationPdf.Words;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;

/**
 * The attendance certificate ("attestation d'assiduité"), as an A4 PDF: the sessions attended and
 * their total, signed by the agency, with the code that lets anyone check it was issued.
 */
final class AttendanceCertificatePdf {

    private AttendanceCertificatePdf() {}

    static byte[] write(Paper paper, Duration attended) {
        var words = new Words(paper);
        var title = words.get("events.paper.certificate.title");
        try (var sheet = new Sheet()) {
            sheet.letterhead(paper.agencyName(), paper.agencyAddress());
            sheet.title(title);
            sheet.text(words.get(
                    "events.paper.certificate.attests",
                    paper.agencyName(),
                    words.person(),
                    paper.eventKind(),
                    paper.eventTitle()));
            sheet.space();
            sheet.strong(words.when());
            for (var slot : paper.slots()) {
                sheet.text(words.slot(slot), Sheet.INDENT);
            }
            sheet.text(words.get("events.paper.certificate.total", words.duration(attended)));
            sheet.space();
            var town = words.town();
            var date = words.date(paper.issuedAt());
            sheet.text(
                    town == null
                            ? words.get("events.paper.certificate.issued", date)
                            : words.get("events.paper.certificate.issued-at", town, date));
            if (!paper.signatory().isBlank()) {
                sheet.space();
                sheet.text(paper.signatory(), Sheet.WIDTH / 2);
            }
            var foot = new ArrayList<String>();
            foot.add(words.get("events.paper.certificate.code", paper.reference()));
            var url = paper.verificationUrl();
            if (url != null && !url.isBlank()) {
                foot.add(words.get("events.paper.certificate.check", url));
            }
            sheet.foot(foot);
            return sheet.bytes(title + " – " + paper.eventTitle(), paper);
        } catch (IOException e) {
            throw new UncheckedIOException("a PDF written in memory", e);
        }
    }
}
