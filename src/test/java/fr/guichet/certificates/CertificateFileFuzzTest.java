package fr.guichet.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fr.guichet.fuzz.Fuzz;
import fr.guichet.fuzz.Mutations;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever is uploaded, {@link CertificateFile#read} answers a certificate or a refusal, never
 * another exception (nor a stack overflow, nor running out of memory), and what it answers is
 * consistent. Three properties over random inputs: any bytes, real certificates damaged, and
 * PEM-looking text.
 *
 * <p>Run by the shared harness ({@link Fuzz}: tries, seed, time limit, failing inputs kept), {@value
 * #DEFAULT_TRIES} tries a property by default; {@code bench/fuzz.sh certificates} runs a million.
 */
class CertificateFileFuzzTest {

    static final int DEFAULT_TRIES = 2_000;
    static final int TRIES = Fuzz.tries(DEFAULT_TRIES);
    static final Instant NOW = Instant.now();

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final List<String> LABELS = List.of(
            "CERTIFICATE",
            "CERTIFICATE",
            "CERTIFICATE",
            "X509 CERTIFICATE",
            "TRUSTED CERTIFICATE",
            "CERTIFICATE REQUEST",
            "NEW CERTIFICATE REQUEST",
            "PUBLIC KEY",
            "RSA PUBLIC KEY",
            "PKCS7",
            "CMS",
            "X509 CRL",
            "EC PARAMETERS",
            "DH PARAMETERS",
            "ATTRIBUTE CERTIFICATE",
            "PRIVATE KEY",
            "RSA PRIVATE KEY");

    /** Certificates the mutations start from: DER, and PEM (one, and a chain). */
    static final List<byte[]> DER = new ArrayList<>();

    static final List<byte[]> PEM = new ArrayList<>();

    /** Private keys in PEM, as tools write them, to hide among the blocks. */
    static final List<String> KEYS = new ArrayList<>();

    /** What a property feeds the parser; {@code holdsAKey} when a whole private key is in it. */
    record Input(byte[] bytes, boolean holdsAKey) {

        Input(byte[] bytes) {
            this(bytes, false);
        }
    }

    @BeforeAll
    static void someRealCertificates() {
        var certificates = new EncryptionCertificates();
        for (var issued : List.of(
                certificates.issue(
                        "C=FR,O=Commune,CN=Marchés", EncryptionCertificates.rsa(2048), KeyUsage.keyEncipherment),
                certificates.issue("CN=EC", EncryptionCertificates.ec("secp256r1"), KeyUsage.keyAgreement),
                certificates.issue(
                        "CN=Sans usage", EncryptionCertificates.ec("secp384r1"), EncryptionCertificates.NO_KEY_USAGE),
                certificates.issue("CN=Signature", EncryptionCertificates.rsa(2048), KeyUsage.digitalSignature),
                certificates.authority())) {
            DER.add(issued.der());
            PEM.add(EncryptionCertificates.ascii(issued.pem()));
        }
        PEM.add(EncryptionCertificates.ascii(new String(PEM.get(0), StandardCharsets.US_ASCII)
                + certificates.authority().pem()));
        var rsa = certificates.issue("CN=Clé RSA", EncryptionCertificates.rsa(2048), KeyUsage.keyEncipherment);
        var ec = certificates.issue("CN=Clé EC", EncryptionCertificates.ec("secp256r1"), KeyUsage.keyAgreement);
        KEYS.addAll(List.of(
                rsa.privateKeyPkcs8Pem(),
                rsa.privateKeyTraditionalPem(),
                rsa.privateKeyEncryptedPem(),
                ec.privateKeyTraditionalPem(),
                ec.privateKeyPkcs8Pem()));
        // every starting point is itself read as the parser should: else the mutations prove little
        assertThat(CertificateFile.read(DER.get(0), NOW).key()).isEqualTo("RSA 2048");
    }

    @Test
    void anyBytesAreACertificateOrARefusal() {
        check("arbitrary bytes", random -> {
            var bytes = new byte[random.nextInt(4097)];
            random.nextBytes(bytes);
            // now and then, the first bytes of what a parser looks at first
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (bytes.length > 0) {
                        bytes[0] = 0x30;
                    }
                }
                case 1 -> {
                    var begin = "-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(begin, 0, bytes, 0, Math.min(begin.length, bytes.length));
                }
                default -> {}
            }
            return new Input(bytes);
        });
    }

    @Test
    void aDamagedCertificateIsACertificateOrARefusal() {
        check(
                "damaged certificates",
                random -> new Input(
                        switch (random.nextInt(3)) {
                            // the DER itself
                            case 0 -> mutated(pick(DER, random), random);
                            // the PEM text
                            case 1 -> mutated(pick(PEM, random), random);
                            // well-formed PEM of a damaged DER: the damage reaches the ASN.1 parser
                            default ->
                                EncryptionCertificates.ascii(
                                        armoured("CERTIFICATE", mutated(pick(DER, random), random), 64, random));
                        }));
    }

    @Test
    void pemLookingTextIsACertificateOrARefusal() {
        check("PEM-looking text", random -> {
            var text = new StringBuilder();
            var blocks = 1 + random.nextInt(4);
            // now and then a real private key among the blocks, which must be found whatever else
            var keyAt = random.nextInt(8) == 0 ? random.nextInt(blocks) : -1;
            for (var i = 0; i < blocks; i++) {
                if (i == keyAt) {
                    text.append(pick(KEYS, random));
                }
                if (random.nextInt(3) == 0) {
                    text.append(randomText(random, random.nextInt(80)));
                }
                var label = random.nextInt(6) == 0 ? randomLabel(random) : pick(LABELS, random);
                var body = switch (random.nextInt(4)) {
                    case 0 -> pick(DER, random);
                    case 1 -> mutated(pick(DER, random), random);
                    default -> {
                        var bytes = new byte[random.nextInt(1500)];
                        random.nextBytes(bytes);
                        yield bytes;
                    }
                };
                var width = switch (random.nextInt(4)) {
                    case 0 -> 76;
                    case 1 -> 1 + random.nextInt(200);
                    case 2 -> Integer.MAX_VALUE;
                    default -> 64;
                };
                text.append(armoured(label, body, width, random));
            }
            var bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            return random.nextInt(4) == 0 ? new Input(mutated(bytes, random)) : new Input(bytes, keyAt >= 0);
        });
    }

    /** Runs a property {@link #TRIES} times through the shared harness, and says what came of it. */
    private static void check(String property, Function<SplittableRandom, Input> inputs) {
        Fuzz.check(property, TRIES, inputs, Input::bytes, input -> {
            var outcome = outcome(input.bytes());
            if (input.holdsAKey() && !outcome.equals("PRIVATE_KEY")) {
                fail("a whole private key was in it, and the answer was %s", outcome);
            }
            return outcome;
        });
    }

    /** "ACCEPTED" or the reason refused; any other exception fails the property. */
    private static String outcome(byte[] upload) {
        try {
            var read = CertificateFile.read(upload, NOW);
            assertThat(read.subject()).isNotNull();
            assertThat(read.issuer()).isNotNull();
            assertThat(read.sha256()).isEqualTo(sha256(read.der()));
            assertThat(new String(upload, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
            // what was accepted reads back the same from its own PEM
            assertThat(CertificateFile.read(EncryptionCertificates.ascii(read.pem()), NOW))
                    .isEqualTo(read);
            return "ACCEPTED";
        } catch (CertificateUploadRefusal refusal) {
            return refusal.reason().name();
        }
    }

    private static byte[] mutated(byte[] original, SplittableRandom random) {
        return Mutations.bytes(original, random);
    }

    /** A PEM block, now and then with headers, a wrong end, no end, or Windows line breaks. */
    private static String armoured(String label, byte[] body, int width, SplittableRandom random) {
        var newline = random.nextInt(4) == 0 ? "\r\n" : "\n";
        var text =
                new StringBuilder("-----BEGIN ").append(label).append("-----").append(newline);
        if (random.nextInt(10) == 0) {
            text.append("Proc-Type: 4,ENCRYPTED")
                    .append(newline)
                    .append("DEK-Info: AES-128-CBC,00")
                    .append(newline);
        }
        var base64 = Base64.getEncoder().encodeToString(body);
        if (random.nextInt(8) == 0 && !base64.isEmpty()) {
            var chars = base64.toCharArray();
            chars[random.nextInt(chars.length)] = "=!-. \t*".charAt(random.nextInt(7));
            base64 = new String(chars);
        }
        for (var at = 0; at < base64.length(); at += width) {
            text.append(base64, at, (int) Math.min(base64.length(), (long) at + width))
                    .append(newline);
        }
        switch (random.nextInt(10)) {
            case 0 -> {}
            case 1 ->
                text.append("-----END ")
                        .append(randomLabel(random))
                        .append("-----")
                        .append(newline);
            default -> text.append("-----END ").append(label).append("-----").append(newline);
        }
        return text.toString();
    }

    private static String randomLabel(SplittableRandom random) {
        var label = new StringBuilder();
        var length = 1 + random.nextInt(20);
        for (var i = 0; i < length; i++) {
            label.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ".charAt(random.nextInt(37)));
        }
        return label.toString();
    }

    private static String randomText(SplittableRandom random, int length) {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++) {
            text.append(
                    random.nextInt(4) == 0
                            ? (char) random.nextInt(256)
                            : BASE64.charAt(random.nextInt(BASE64.length())));
        }
        return text.append('\n').toString();
    }

    private static <T> T pick(List<T> choices, SplittableRandom random) {
        return Mutations.pick(choices, random);
    }

    private static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
