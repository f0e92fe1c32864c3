package fr.guichet.notification;

import fr.guichet.shared.FileResponses;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.Profiles;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The local mailbox of the embedded default: what would have been sent, readable without a
 * mail server, files included. Absent in production (guichet.mail.mailbox-page=false), and refused there.
 */
@Controller
@ConditionalOnProperty(name = "guichet.mail.mailbox-page", havingValue = "true")
class MailboxPages {

    static final String ATTACHMENT = "/dev/mailbox/pieces-jointes/{id}";

    record Line(String text, boolean link) {}

    record Shown(
            String recipient,
            String copyTo,
            String subject,
            Instant createdAt,
            List<Line> lines,
            List<OutboxAttachments.Listed> attachments,
            boolean sent) {}

    private final OutboxRepository repository;
    private final OutboxAttachments attachments;

    MailboxPages(OutboxRepository repository, OutboxAttachments attachments, Environment environment) {
        // its links (activation, password reset) open anyone's account: better no portal than this page on a public one
        if (environment.matchesProfiles(Profiles.PRODUCTION)) {
            throw new IllegalStateException("the local mailbox (/dev/mailbox) shows everyone's e-mails, password reset "
                    + "links included: it is refused under the production profile; remove guichet.mail.mailbox-page=true "
                    + "(GUICHET_MAIL_MAILBOX_PAGE) and send mail by SMTP (GUICHET_SMTP_HOST)");
        }
        this.repository = repository;
        this.attachments = attachments;
    }

    @GetMapping("/dev/mailbox")
    @Transactional(readOnly = true)
    String mailbox(Model model, HttpServletRequest request) throws UnknownHostException {
        thisMachineOnly(request);
        var messages = repository.findByOrderByIdDesc(PageRequest.of(0, 50));
        var files = attachments.listed(messages.stream().map(OutboxMessage::id).toList()).stream()
                .collect(Collectors.groupingBy(OutboxAttachments.Listed::messageId));
        model.addAttribute(
                "messages",
                messages.stream()
                        .map(m -> new Shown(
                                m.recipient(),
                                m.copyTo(),
                                m.subject(),
                                m.createdAt(),
                                m.body()
                                        .lines()
                                        .map(l -> new Line(l, l.startsWith("http://") || l.startsWith("https://")))
                                        .toList(),
                                files.getOrDefault(m.id(), List.of()),
                                m.status() == OutboxMessage.Status.SENT))
                        .toList());
        return "dev/mailbox";
    }

    /** A file as the message carries it, to save (never shown by the browser as a page). */
    @GetMapping(ATTACHMENT)
    @Transactional(readOnly = true)
    ResponseEntity<Resource> attachment(@PathVariable long id, HttpServletRequest request) throws UnknownHostException {
        thisMachineOnly(request);
        var file = attachments.find(id).orElseThrow(NotFoundException::new);
        var bytes = file.content();
        return FileResponses.attachment(
                file.fileName(), file.contentType(), bytes.length, null, new ByteArrayInputStream(bytes));
    }

    /** Its links open anyone's account: even if left on by mistake, it answers this machine only. */
    private static void thisMachineOnly(HttpServletRequest request) throws UnknownHostException {
        if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            throw new NotFoundException();
        }
    }
}
