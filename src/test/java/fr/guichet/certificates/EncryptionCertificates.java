package fr.guichet.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Encryption certificates and their keys made at test time with BouncyCastle, never committed: an
 * authority of the test run and what organisations might upload, right or wrong.
 */
final class EncryptionCertificates {

    static final char[] PASSWORD = "test-only".toCharArray();

    /** A certificate and the key pair it certifies. */
    record Issued(X509Certificate certificate, KeyPair keys) {

        byte[] der() {
            try {
                return certificate.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String pem() {
            return EncryptionCertificates.pem(certificate);
        }

        /** The private key as PKCS#8 PEM ("PRIVATE KEY"). */
        String privateKeyPkcs8Pem() {
            try {
                return EncryptionCertificates.pem(new JcaPKCS8Generator(keys.getPrivate(), null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The private key the way OpenSSL wrote it before PKCS#8 ("RSA PRIVATE KEY", "EC PRIVATE KEY"). */
        String privateKeyTraditionalPem() {
            return EncryptionCertificates.pem(keys.getPrivate());
        }

        /** The private key as encrypted PKCS#8 PEM ("ENCRYPTED PRIVATE KEY"). */
        String privateKeyEncryptedPem() {
            try {
                var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                        .setProvider(new BouncyCastleProvider())
                        .setPassword(PASSWORD)
                        .build();
                return EncryptionCertificates.pem(new JcaPKCS8Generator(keys.getPrivate(), encryptor));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The private key as encrypted PKCS#8 DER (a ".p8"). */
        byte[] privateKeyEncryptedDer() {
            try {
                var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                        .setProvider(new BouncyCastleProvider())
                        .setPassword(PASSWORD)
                        .build();
                return new JcaPKCS8Generator(keys.getPrivate(), encryptor)
                        .generate()
                        .getContent();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** A PKCS#12 file with this certificate and its private key (".p12", ".pfx"). */
        byte[] pkcs12() {
            try {
                var store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
                var out = new ByteArrayOutputStream();
                store.store(out, PASSWORD);
                return out.toByteArray();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A Java key store (".jks") holding the same. */
        byte[] javaKeyStore() {
            try {
                var store = KeyStore.getInstance("JKS");
                store.load(null, null);
                store.setKeyEntry("key", keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
                var out = new ByteArrayOutputStream();
                store.store(out, PASSWORD);
                return out.toByteArray();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A certificate request for the same key (".csr"), in PEM. */
        String requestPem() {
            try {
                var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Demande"), keys.getPublic())
                        .build(signer(keys.getPrivate()));
                return EncryptionCertificates.pem(request);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The public key alone, in PEM ("PUBLIC KEY"). */
        String publicKeyPem() {
            return EncryptionCertificates.pem(keys.getPublic());
        }
    }

    /** KeyUsage bits, as BouncyCastle names them, for {@link #issue}. */
    static final int NO_KEY_USAGE = -1;

    private final Issued authority;

    EncryptionCertificates() {
        var keys = ec("secp256r1");
        var name = new X500Name("O=Guichet tests,CN=Autorité de test "
                + ThreadLocalRandom.current().nextInt(1000));
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.authority = new Issued(
                build(
                        name,
                        name,
                        keys,
                        keys.getPrivate(),
                        BigInteger.ONE,
                        now.minus(Duration.ofDays(10)),
                        now.plus(Duration.ofDays(3650)),
                        KeyUsage.keyCertSign | KeyUsage.cRLSign),
                keys);
    }

    Issued authority() {
        return authority;
    }

    /**
     * A certificate the test authority issues for {@code keys}, {@code subject} an X.500 name, with
     * the KeyUsage bits given ({@link #NO_KEY_USAGE}: no extension).
     */
    Issued issue(String subject, KeyPair keys, BigInteger serial, Instant notBefore, Instant notAfter, int keyUsage) {
        return new Issued(
                build(
                        new X500Name(subject),
                        X500Name.getInstance(authority
                                .certificate()
                                .getSubjectX500Principal()
                                .getEncoded()),
                        keys,
                        authority.keys().getPrivate(),
                        serial,
                        notBefore,
                        notAfter,
                        keyUsage),
                keys);
    }

    /** Valid from yesterday for a year, a random serial. */
    Issued issue(String subject, KeyPair keys, int keyUsage) {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return issue(
                subject,
                keys,
                new BigInteger(64, ThreadLocalRandom.current()).add(BigInteger.ONE),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)),
                keyUsage);
    }

    static KeyPair rsa(int bits) {
        return keyPair("RSA", generator -> generator.initialize(bits));
    }

    static KeyPair ec(String curve) {
        return keyPair("EC", generator -> generator.initialize(new ECGenParameterSpec(curve)));
    }

    static KeyPair dsa() {
        return keyPair("DSA", generator -> generator.initialize(2048));
    }

    static String pem(Object object) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private interface Init {
        void accept(KeyPairGenerator generator) throws GeneralSecurityException;
    }

    private static KeyPair keyPair(String algorithm, Init init) {
        try {
            var generator = KeyPairGenerator.getInstance(algorithm);
            init.accept(generator);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.bouncycastle.operator.ContentSigner signer(PrivateKey key) throws Exception {
        var algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "DSA" -> "SHA256withDSA";
            default -> "SHA256withECDSA";
        };
        return new JcaContentSignerBuilder(algorithm).build(key);
    }

    private static X509Certificate build(
            X500Name subject,
            X500Name issuer,
            KeyPair subjectKeys,
            PrivateKey issuerKey,
            BigInteger serial,
            Instant notBefore,
            Instant notAfter,
            int keyUsage) {
        try {
            var builder = new JcaX509v3CertificateBuilder(
                    issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, subjectKeys.getPublic());
            if (keyUsage != NO_KEY_USAGE) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
