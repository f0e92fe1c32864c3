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

/**
 * An SMTP server on 127.0.0.1 that accepts every message and writes one line per message to a file:
 * its Message-ID and its recipients. The cluster benchmark counts from it how often each e-mail of the
 * outbox arrived (the outbox's message_id is the header), whichever node sent it.
 *
 * <pre>java MailLog.java PORT FILE</pre>
 */
public class MailLog {

    public static void main(String[] args) throws IOException {
        var server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress());
        var file = new PrintWriter(new FileWriter(args[1], StandardCharsets.UTF_8, true), true);
        System.out.println("mail log on 127.0.0.1:" + args[0]);
        while (true) {
            var socket = server.accept();
            var session = new Thread(() -> serve(socket, file));
            session.setDaemon(true);
            session.start();
        }
    }

    static void serve(Socket socket, PrintWriter file) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                var out = socket.getOutputStream()) {
            reply(out, "220 mail log");
            var recipients = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                var verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 mail log");
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
                            if (line.isEmpty()) {
                                inHeaders = false;
                            } else if (inHeaders && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageId = line.substring(11).trim();
                            }
                        }
                        synchronized (file) {
                            file.println(messageId + "\t" + recipients);
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
            // a client gone away: what it sent before DATA ended is not a message
        }
    }

    static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
