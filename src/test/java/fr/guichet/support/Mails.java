package fr.guichet.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Reading what the real SMTP server of the tests (GreenMail) received. */
public final class Mails {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/\\S+)");

    private Mails() {}

    /** Waits for the n-th message to this address and returns it. */
    public static MimeMessage nth(GreenMailOperations greenMail, String to, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> to(greenMail, to).size() >= count);
        return to(greenMail, to).get(count - 1);
    }

    public static MimeMessage awaitFirst(GreenMailOperations greenMail, String to) {
        return nth(greenMail, to, 1);
    }

    /**
     * The messages delivered to this address, each once: GreenMail keeps one copy per recipient
     * of a message, so a mail to three people is found three times by {@link #to}.
     */
    public static List<MimeMessage> distinctTo(GreenMailOperations greenMail, String to) {
        var seen = new HashSet<String>();
        return to(greenMail, to).stream()
                .filter(m -> {
                    try {
                        return seen.add(m.getMessageID());
                    } catch (Exception e) {
                        return true;
                    }
                })
                .toList();
    }

    /** Waits for the n-th distinct message to this address and returns it. */
    public static MimeMessage nthDistinct(GreenMailOperations greenMail, String to, int count) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> distinctTo(greenMail, to).size() >= count);
        return distinctTo(greenMail, to).get(count - 1);
    }

    public static List<MimeMessage> to(GreenMailOperations greenMail, String to) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equalsIgnoreCase(to));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The decoded text of the message. */
    public static String body(MimeMessage message) {
        try {
            return message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The path and query of the first portal link in the message, e.g. /activation?jeton=… */
    public static String link(MimeMessage message) {
        var matcher = LINK.matcher(body(message));
        if (!matcher.find()) {
            throw new AssertionError("no link in: " + body(message));
        }
        return matcher.group(1);
    }
}
