package fr.guichet.notification;

import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.Profiles;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The local mailbox of the embedded default: what would have been sent, readable without a
 * mail server. Absent in production (guichet.mail.mailbox-page=false), and refused there.
 */
@Controller
@ConditionalOnProperty(name = "guichet.mail.mailbox-page", havingValue = "true")
class MailboxPages {

    record Line(String text, boolean link) {}

    record Shown(String recipient, String copyTo, String subject, Instant createdAt, List<Line> lines, boolean sent) {}

    private final OutboxRepository repository;

    MailboxPages(OutboxRepository repository, Environment environment) {
        // its links (activation, password reset) open anyone's account: better no portal than this page on a public one
        if (environment.matchesProfiles(Profiles.PRODUCTION)) {
            throw new IllegalStateException("the local mailbox (/dev/mailbox) shows everyone's e-mails, password reset "
                    + "links included: it is refused under the production profile; remove guichet.mail.mailbox-page=true "
                    + "(GUICHET_MAIL_MAILBOX_PAGE) and send mail by SMTP (GUICHET_SMTP_HOST)");
        }
        this.repository = repository;
    }

    @GetMapping("/dev/mailbox")
    @Transactional(readOnly = true)
    String mailbox(Model model, HttpServletRequest request) throws UnknownHostException {
        // its links open anyone's account: even if left on by mistake, it answers this machine only
        if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            throw new NotFoundException();
        }
        var messages = repository.findByOrderByIdDesc(PageRequest.of(0, 50)).stream()
                .map(m -> new Shown(
                        m.recipient(),
                        m.copyTo(),
                        m.subject(),
                        m.createdAt(),
                        m.body()
                                .lines()
                                .map(l -> new Line(l, l.startsWith("http://") || l.startsWith("https://")))
                                .toList(),
                        m.status() == OutboxMessage.Status.SENT))
                .toList();
        model.addAttribute("messages", messages);
        return "dev/mailbox";
    }
}
