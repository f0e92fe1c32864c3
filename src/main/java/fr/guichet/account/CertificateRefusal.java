package fr.guichet.account;

import fr.guichet.shared.Refusal;
import java.util.Locale;

/** A certificate an admin wants to register is refused: why, in the words of its message key. */
public class CertificateRefusal extends Refusal {

    public enum Reason {
        /** Neither a PEM nor a DER X.509 certificate. */
        NOT_A_CERTIFICATE,
        /** The file holds a private key (PEM key, PKCS#8, PKCS#12): refused whole, nothing of it kept. */
        PRIVATE_KEY,
        EXPIRED,
        /** Another account signs in with it: one certificate opens one account. */
        TAKEN
    }

    private final Reason reason;

    public CertificateRefusal(Reason reason) {
        super("certificate.refused." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
