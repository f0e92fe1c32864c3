import java.io.BufferedReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server on 127.0.0.1 that accepts every message and keeps none: the production profile
 * refuses the local mailbox, so the application under load sends its e-mails somewhere, as it does
 * in production, without a real relay. Prints how many it took on SIGTERM. Given a FILE, it also
 * writes one line per message there: its Message-ID and its recipients (the cluster benchmark counts
 * how often each e-mail of the outbox arrived, whichever node sent it).
 *
 * <pre>java SmtpSink.java PORT [FILE]</pre>
 */
public class SmtpSink {

    static final AtomicLong MESSAGES = new AtomicLong();
    static PrintWriter written;

    public static void main(String[] args) throws IOException {
        var server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress());
        if (args.length > 1) {
            written = new PrintWriter(new FileWriter(args[1], StandardCharsets.UTF_8, true), true);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("smtp sink: " + MESSAGES.get() + " messages")));
        System.out.println("smtp sink on 127.0.0.1:" + args[0]);
        while (true) {
            var socket = server.accept();
            var session = new Thread(() -> serve(socket));
            session.setDaemon(true);
            session.start();
        }
    }

    static void serve(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                var out = socket.getOutputStream()) {
            reply(out, "220 sink");
            var recipients = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                var verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "MAIL" -> {
                        recipients.setLength(0);
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.append(recipients.isEmpty() ? "" : ",")
                                .append(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        var messageId = "-";
                        var inHeaders = true;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message is dropped, its Message-ID kept when asked
                            if (line.isEmpty()) {
                                inHeaders = false;
                            } else if (inHeaders && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageId = line.substring(11).trim();
                            }
                        }
                        MESSAGES.incrementAndGet();
                        if (written != null) {
                            synchronized (SmtpSink.class) {
                                written.println(messageId + "\t" + recipients);
                            }
                        }
                        reply(out, "250 taken");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // a client gone away: nothing to keep
        }
    }

    static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
