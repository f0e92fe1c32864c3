package fr.guichet.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The real SMTP server of the tests (GreenMail), on the port the test profile sends to
 * (3025, or -Dguichet.test.smtp-port when two builds share a machine).
 */
public final class TestSmtp {

    public static final int PORT = Integer.getInteger("guichet.test.smtp-port", 3025);

    private TestSmtp() {}

    public static ServerSetup setup() {
        return new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP);
    }

    /** One server for the whole test class; tests tell their mail apart by unique recipients. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(setup()).withPerMethodLifecycle(false);
    }
}
