package fr.guichet.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * The client certificate a person signs in with, as the account keeps it: its SHA-256 fingerprint
 * (of the DER encoding, what the sign-in compares) and what an admin reads to recognise it. Never
 * the certificate's key: the person's private key stays his.
 */
@Embeddable
public class RegisteredCertificate {

    @Column(name = "certificate_sha256")
    private String sha256;

    @Column(name = "certificate_subject")
    private String subject;

    @Column(name = "certificate_issuer")
    private String issuer;

    @Column(name = "certificate_serial")
    private String serial;

    @Column(name = "certificate_not_before")
    private Instant notBefore;

    @Column(name = "certificate_not_after")
    private Instant notAfter;

    protected RegisteredCertificate() {}

    RegisteredCertificate(
            String sha256, String subject, String issuer, String serial, Instant notBefore, Instant notAfter) {
        this.sha256 = sha256;
        this.subject = subject;
        this.issuer = issuer;
        this.serial = serial;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    public static RegisteredCertificate of(X509Certificate certificate) {
        return new RegisteredCertificate(
                fingerprint(certificate),
                bounded(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)),
                bounded(certificate.getIssuerX500Principal().getName(X500Principal.RFC2253)),
                bounded(certificate.getSerialNumber().toString(16)),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant());
    }

    /** The lowercase hexadecimal SHA-256 of the certificate's DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // the columns' length: a name longer than any real one is cut, not refused, since only people read it
    private static String bounded(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    public boolean expiredAt(Instant now) {
        return now.isAfter(notAfter);
    }

    public boolean validAt(Instant now) {
        return !now.isBefore(notBefore) && !expiredAt(now);
    }

    public String sha256() {
        return sha256;
    }

    public String subject() {
        return subject;
    }

    public String issuer() {
        return issuer;
    }

    /** Hexadecimal, as certificate tools show it. */
    public String serial() {
        return serial;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegisteredCertificate that && Objects.equals(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(sha256);
    }
}
