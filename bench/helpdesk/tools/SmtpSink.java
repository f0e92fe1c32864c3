import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server on 127.0.0.1 that accepts every message and keeps none: the production profile
 * refuses the local mailbox, so the application under load sends its e-mails somewhere, as it does
 * in production, without a real relay. Prints how many it took on SIGTERM.
 *
 * <pre>java SmtpSink.java PORT</pre>
 */
public class SmtpSink {

    static final AtomicLong MESSAGES = new AtomicLong();

    public static void main(String[] args) throws IOException {
        var server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress());
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
            String line;
            while ((line = in.readLine()) != null) {
                var verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message is dropped
                        }
                        MESSAGES.incrementAndGet();
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
