package fr.guichet.certificates;

import fr.guichet.shared.Refusal;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An uploaded encryption certificate is refused, for what the file is rather than the state of
 * things: the API answers 400. The message key is {@code certificates.refused.<reason>} (lower case,
 * dashes); {@link Reason#EXPIRED} carries the end of validity as {@code {0}} (dd/MM/yyyy).
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class CertificateUploadRefusal extends Refusal {

    /** Why the file is refused. */
    public enum Reason {
        /** The file has no content. */
        EMPTY,
        /** Larger than {@link CertificateFile#MAX_SIZE}: refused before being read. */
        TOO_LARGE,
        /** The file holds a private key (PEM, PKCS#8, PKCS#12…): refused whole, nothing of it kept. */
        PRIVATE_KEY,
        /** Neither a PEM nor a DER X.509 certificate. */
        NOT_A_CERTIFICATE,
        /** Its validity ended before the upload. */
        EXPIRED,
        /** Its key usage excludes encryption, or its key is of a kind that cannot encrypt here. */
        NOT_FOR_ENCRYPTION,
        /** An RSA key under 2048 bits, below ANSSI's floor. */
        WEAK_KEY
    }

    private final Reason reason;

    CertificateUploadRefusal(Reason reason, Object... arguments) {
        super("certificates.refused." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'), arguments);
        this.reason = reason;
    }

    /** Why the file is refused. */
    public Reason reason() {
        return reason;
    }
}
