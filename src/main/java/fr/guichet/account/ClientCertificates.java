package fr.guichet.account;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Reads the X.509 certificates people hand in: an admin's upload (PEM or DER) and the PEM a trusted
 * proxy forwards. The JDK's own parser decides what a certificate is; this class only keeps keys out.
 */
public final class ClientCertificates {

    /** Far above any personal certificate (a few kilobytes), far below what would cost memory. */
    public static final int MAX_SIZE = 64 * 1024;

    private static final Pattern PEM_LABEL = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final Pattern PEM_CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private ClientCertificates() {}

    /**
     * The certificate of an upload. A file that holds a private key is refused as a whole, even beside
     * a certificate: the key is the person's secret and must not travel, let alone be kept. Of several
     * certificates (a chain), the first is the person's own, as tools write them.
     *
     * @throws CertificateRefusal NOT_A_CERTIFICATE or PRIVATE_KEY
     */
    public static X509Certificate read(byte[] upload) {
        if (upload.length == 0 || upload.length > MAX_SIZE) {
            throw new CertificateRefusal(CertificateRefusal.Reason.NOT_A_CERTIFICATE);
        }
        var text = new String(upload, StandardCharsets.ISO_8859_1);
        var labels = PEM_LABEL.matcher(text);
        var pem = false;
        while (labels.find()) {
            pem = true;
            if (labels.group(1).contains("PRIVATE KEY")) {
                throw new CertificateRefusal(CertificateRefusal.Reason.PRIVATE_KEY);
            }
        }
        if (pem) {
            return fromPem(text).orElseThrow(() -> new CertificateRefusal(CertificateRefusal.Reason.NOT_A_CERTIFICATE));
        }
        if (holdsAKey(upload)) {
            throw new CertificateRefusal(CertificateRefusal.Reason.PRIVATE_KEY);
        }
        return fromDer(upload).orElseThrow(() -> new CertificateRefusal(CertificateRefusal.Reason.NOT_A_CERTIFICATE));
    }

    /** The first certificate of a PEM text; empty when there is none, or it does not parse. */
    public static Optional<X509Certificate> fromPem(String pem) {
        var block = PEM_CERTIFICATE.matcher(pem);
        if (!block.find()) {
            return Optional.empty();
        }
        try {
            return fromDer(Base64.getMimeDecoder().decode(block.group(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<X509Certificate> fromDer(byte[] der) {
        try {
            return Optional.of((X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A DER structure that opens with a version number rather than a certificate's body: a PKCS#8 or
     * PKCS#1 private key, an EC key, a PKCS#12 file. All hold a private key.
     */
    private static boolean holdsAKey(byte[] der) {
        try {
            var top = ASN1Primitive.fromByteArray(der);
            return top instanceof ASN1Sequence sequence
                    && sequence.size() > 0
                    && sequence.getObjectAt(0) instanceof ASN1Integer;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
