package fr.guichet.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates and keys made at test time with BouncyCastle, never committed: a certification
 * authority of the test run, the server's certificate it signs (for localhost), and people's client
 * certificates, valid or not, with what TLS clients and servers need of them.
 */
public final class TestCertificates {

    public static final char[] PASSWORD = "test-only".toCharArray();

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A certificate and the key pair it certifies. */
    public record Issued(X509Certificate certificate, KeyPair keys) {

        public String pem() {
            return TestCertificates.pem(certificate);
        }

        public byte[] der() {
            try {
                return certificate.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The private key, PEM-encoded (PKCS#8), as a careless admin might upload it. */
        public String privateKeyPem() {
            return TestCertificates.pem(keys.getPrivate());
        }

        /** A PKCS#12 file holding this certificate and its private key (a ".p12"). */
        public byte[] pkcs12() {
            try {
                var store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
                var out = new java.io.ByteArrayOutputStream();
                store.store(out, PASSWORD);
                return out.toByteArray();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Issued authority;

    public TestCertificates() {
        var keys = keyPair();
        var now = Instant.now();
        this.authority = new Issued(
                sign(
                        new X500Name("O=Guichet tests,CN=Guichet test CA " + SERIALS.incrementAndGet()),
                        keys,
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(30)),
                        true,
                        null,
                        keys,
                        null),
                keys);
    }

    public Issued authority() {
        return authority;
    }

    /** A person's client certificate valid from {@code notBefore} to {@code notAfter}. */
    public Issued person(String commonName, Instant notBefore, Instant notAfter) {
        var keys = keyPair();
        return new Issued(
                sign(
                        new X500Name("O=Guichet tests,CN=" + commonName),
                        keys,
                        notBefore,
                        notAfter,
                        false,
                        KeyPurposeId.id_kp_clientAuth,
                        authority.keys(),
                        authority.certificate()),
                keys);
    }

    /** Valid from yesterday for ten days. */
    public Issued person(String commonName) {
        var now = Instant.now();
        return person(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)));
    }

    /** The server's certificate, for localhost and 127.0.0.1. */
    public Issued server() {
        var keys = keyPair();
        var now = Instant.now();
        return new Issued(
                sign(
                        new X500Name("O=Guichet tests,CN=localhost"),
                        keys,
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(10)),
                        false,
                        KeyPurposeId.id_kp_serverAuth,
                        authority.keys(),
                        authority.certificate()),
                keys);
    }

    /** A PKCS#12 key store holding one key entry, written to {@code file}. */
    public static Path keyStore(Issued issued, X509Certificate issuer, Path file) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "key", issued.keys().getPrivate(), PASSWORD, new X509Certificate[] {issued.certificate(), issuer});
            write(store, file);
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 trust store holding one trusted certificate, written to {@code file}. */
    public static Path trustStore(X509Certificate trusted, Path file) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("trusted", trusted);
            write(store, file);
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A TLS client that trusts the test authority and, when {@code client} is given, presents that
     * certificate when the server asks for one.
     */
    public SSLContext clientContext(Issued client) {
        return clientContext(client, authority, authority);
    }

    /**
     * The same with a client certificate of another authority ({@code clientIssuer}), to a server whose
     * certificate {@code serverAuthority} issued.
     */
    public static SSLContext clientContext(Issued client, Issued clientIssuer, Issued serverAuthority) {
        try {
            var trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", serverAuthority.certificate());
            var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            var keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            if (client != null) {
                keys.setKeyEntry("client", client.keys().getPrivate(), PASSWORD, new X509Certificate[] {
                    client.certificate(), clientIssuer.certificate()
                });
            }
            keyManagers.init(keys, PASSWORD);
            var context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(Object object) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(KeyStore store, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(
            X500Name subject,
            KeyPair subjectKeys,
            Instant notBefore,
            Instant notAfter,
            boolean authority,
            KeyPurposeId purpose,
            KeyPair issuerKeys,
            X509Certificate issuer) {
        try {
            var builder = new JcaX509v3CertificateBuilder(
                    issuer == null
                            ? subject
                            : X500Name.getInstance(
                                    issuer.getSubjectX500Principal().getEncoded()),
                    BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            if (purpose == KeyPurposeId.id_kp_serverAuth) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                }));
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A self-signed RSA signer (the keys SAML federations sign their metadata with; the XML
     * signature toolkit reads no other), valid from yesterday for ten days.
     */
    public static Issued rsaSigner(String commonName) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var keys = generator.generateKeyPair();
            var now = Instant.now();
            var name = new X500Name("CN=" + commonName);
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(10))),
                    name,
                    keys.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            return new Issued(new JcaX509CertificateConverter().getCertificate(builder.build(signer)), keys);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
