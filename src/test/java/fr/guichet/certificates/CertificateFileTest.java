package fr.guichet.certificates;

import static fr.guichet.certificates.EncryptionCertificates.NO_KEY_USAGE;
import static fr.guichet.certificates.EncryptionCertificates.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.guichet.certificates.CertificateUploadRefusal.Reason;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Properties;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/** What an organisation may upload as its encryption certificate, and what is read of it. */
class CertificateFileTest {

    static final EncryptionCertificates CERTIFICATES = new EncryptionCertificates();
    static final KeyPair RSA_2048 = EncryptionCertificates.rsa(2048);
    static final KeyPair EC_P256 = EncryptionCertificates.ec("secp256r1");

    /** The usual encryption certificate: RSA 2048, key encipherment. */
    static final EncryptionCertificates.Issued ENCRYPTION =
            CERTIFICATES.issue("C=FR,O=Commune de Saint-Test,CN=Marchés publics", RSA_2048, KeyUsage.keyEncipherment);

    @Test
    void anRsaEncryptionCertificateIsReadBackAsItsAuthorityWroteIt() throws Exception {
        var notBefore = Instant.parse("2025-01-15T08:00:00Z");
        var notAfter = Instant.now().plus(Duration.ofDays(700)).truncatedTo(ChronoUnit.SECONDS);
        var serial = new BigInteger("0a1b2c3d4e5f60718293a4b5c6d7e8f9", 16);
        var issued = CERTIFICATES.issue(
                "C=FR,O=Commune de Saint-Test,CN=Marchés publics",
                RSA_2048,
                serial,
                notBefore,
                notAfter,
                KeyUsage.keyEncipherment | KeyUsage.dataEncipherment);

        var read = CertificateFile.read(issued.der(), Instant.now());

        assertThat(read.subject()).isEqualTo("CN=Marchés publics,O=Commune de Saint-Test,C=FR");
        assertThat(read.issuer())
                .isEqualTo(CERTIFICATES
                        .authority()
                        .certificate()
                        .getSubjectX500Principal()
                        .getName())
                .startsWith("CN=Autorité de test ");
        assertThat(read.serial()).isEqualTo("A1B2C3D4E5F60718293A4B5C6D7E8F9");
        assertThat(read.notBefore()).isEqualTo(notBefore);
        assertThat(read.notAfter()).isEqualTo(notAfter);
        assertThat(read.key()).isEqualTo("RSA 2048");
        assertThat(read.keyUses()).containsExactlyInAnyOrder(KeyUse.KEY_ENCIPHERMENT, KeyUse.DATA_ENCIPHERMENT);
        assertThat(read.der()).isEqualTo(issued.der());
        assertThat(read.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(issued.der())))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void itsPemIsTheStandardOneAndReadsBackTheSame() {
        var read = CertificateFile.read(ENCRYPTION.der(), Instant.now());

        var pem = read.pem();

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----\n");
        assertThat(pem.lines().skip(1).takeWhile(line -> !line.startsWith("-----")))
                .allSatisfy(
                        line -> assertThat(line).hasSizeLessThanOrEqualTo(64).matches("[A-Za-z0-9+/=]+"))
                .first()
                .satisfies(line -> assertThat(line).hasSize(64));
        assertThat(pem.replace("\r\n", "\n")).isEqualTo(ENCRYPTION.pem().replace("\r\n", "\n"));
        assertThat(CertificateFile.read(ascii(pem), Instant.now())).isEqualTo(read);
    }

    @Test
    void pemAndDerAreReadTheSame() {
        var fromPem = CertificateFile.read(ascii(ENCRYPTION.pem()), Instant.now());
        var fromDer = CertificateFile.read(ENCRYPTION.der(), Instant.now());

        assertThat(fromPem).isEqualTo(fromDer);
        assertThat(fromPem.subject()).isEqualTo(fromDer.subject());
        assertThat(fromPem.sha256()).isEqualTo(fromDer.sha256());
    }

    @Test
    void anEcCertificateForKeyAgreementIsAccepted() {
        var issued = CERTIFICATES.issue("CN=Chiffrement EC", EC_P256, KeyUsage.keyAgreement);

        var read = CertificateFile.read(issued.der(), Instant.now());

        assertThat(read.key()).isEqualTo("EC P-256");
        assertThat(read.keyUses()).containsExactly(KeyUse.KEY_AGREEMENT);
    }

    @Test
    void anotherNamedCurveIsNamedAsBouncyCastleNamesIt() {
        var issued = CERTIFICATES.issue("CN=Chiffrement P-384", EncryptionCertificates.ec("secp384r1"), NO_KEY_USAGE);

        assertThat(CertificateFile.read(issued.der(), Instant.now()).key()).isEqualTo("EC P-384");
    }

    @Test
    void aCertificateWithoutKeyUsageIsAcceptedWithNoUseListed() {
        var issued = CERTIFICATES.issue("CN=Sans usage", RSA_2048, NO_KEY_USAGE);

        var read = CertificateFile.read(ascii(issued.pem()), Instant.now());

        assertThat(read.keyUses()).isEmpty();
        assertThat(read.subject()).isEqualTo("CN=Sans usage");
    }

    @Test
    void ofAChainTheFirstCertificateIsTaken() {
        var chain = ENCRYPTION.pem() + CERTIFICATES.authority().pem();
        // as openssl pkcs12 -nokeys writes it: attributes before each block
        var withAttributes = "Bag Attributes\n    friendlyName: marches\nsubject=/CN=Marchés publics\n" + chain;

        for (var upload : new String[] {chain, withAttributes}) {
            var read = CertificateFile.read(ascii(upload.replace("é", "e")), Instant.now());

            assertThat(read.der()).isEqualTo(ENCRYPTION.der());
        }
    }

    @Test
    void aPemSavedAsUnicodeByNotepadIsRead() {
        var utf16 = ("\uFEFF" + ENCRYPTION.pem()).getBytes(StandardCharsets.UTF_16LE);

        assertThat(CertificateFile.read(utf16, Instant.now()).der()).isEqualTo(ENCRYPTION.der());
    }

    @Test
    void anExpiredCertificateIsRefusedWithTheDayItExpiredInTheAgencysZone() {
        // 23:30 in UTC on 31 March is already 1 April in Paris
        var issued = CERTIFICATES.issue(
                "CN=Ancien",
                RSA_2048,
                BigInteger.TEN,
                Instant.parse("2023-04-01T00:00:00Z"),
                Instant.parse("2025-03-31T23:30:00Z"),
                KeyUsage.keyEncipherment);

        assertThatThrownBy(() -> CertificateFile.read(issued.der(), Instant.parse("2025-04-02T00:00:00Z")))
                .isInstanceOfSatisfying(CertificateUploadRefusal.class, refusal -> {
                    assertThat(refusal.reason()).isEqualTo(Reason.EXPIRED);
                    assertThat(refusal.messageKey()).isEqualTo("certificates.refused.expired");
                    assertThat(refusal.arguments()).containsExactly("01/04/2025");
                });
        assertThat(CertificateFile.read(issued.der(), Instant.parse("2025-03-31T23:29:00Z"))
                        .serial())
                .isEqualTo("A");
    }

    @Test
    void aSigningOnlyCertificateIsNotForEncryption() {
        var signing = CERTIFICATES.issue("CN=Signature", RSA_2048, KeyUsage.digitalSignature | KeyUsage.nonRepudiation);

        assertRefused(signing.der(), Reason.NOT_FOR_ENCRYPTION);
        assertRefused(ascii(signing.pem()), Reason.NOT_FOR_ENCRYPTION);
    }

    @Test
    void aDsaKeyCannotEncrypt() {
        var dsa = CERTIFICATES.issue("CN=DSA", EncryptionCertificates.dsa(), NO_KEY_USAGE);

        assertRefused(dsa.der(), Reason.NOT_FOR_ENCRYPTION);
    }

    @Test
    void anRsaKeyUnder2048BitsIsWeak() {
        var weak = CERTIFICATES.issue("CN=Faible", EncryptionCertificates.rsa(1024), KeyUsage.keyEncipherment);

        assertRefused(weak.der(), Reason.WEAK_KEY);
    }

    @Test
    void anEllipticCurveUnder256BitsIsWeakAndP384IsRead() throws Exception {
        // the JDK no longer makes P-192 keys; BouncyCastle still does
        var generator = java.security.KeyPairGenerator.getInstance(
                "EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp192r1"));
        var weak = CERTIFICATES.issue("CN=Courbe faible", generator.generateKeyPair(), KeyUsage.keyAgreement);
        assertRefused(weak.der(), Reason.WEAK_KEY);

        var strong =
                CERTIFICATES.issue("CN=Courbe P-384", EncryptionCertificates.ec("secp384r1"), KeyUsage.keyAgreement);
        assertThat(CertificateFile.read(strong.der(), java.time.Instant.now()).key())
                .isEqualTo("EC P-384");
    }

    @Test
    void aPrivateKeyAloneIsRefusedAsSuchWhateverItsForm() throws Exception {
        var rsa = ENCRYPTION;
        var ec = CERTIFICATES.issue("CN=EC", EC_P256, KeyUsage.keyAgreement);
        var pkcs8 = rsa.keys().getPrivate().getEncoded();

        assertThat(rsa.privateKeyPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(rsa.privateKeyTraditionalPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(ec.privateKeyTraditionalPem()).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(rsa.privateKeyEncryptedPem()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        for (var upload : new byte[][] {
            ascii(rsa.privateKeyPkcs8Pem()),
            ascii(rsa.privateKeyTraditionalPem()),
            ascii(ec.privateKeyTraditionalPem()),
            ascii(rsa.privateKeyEncryptedPem()),
            pkcs8,
            PrivateKeyInfo.getInstance(pkcs8)
                    .parsePrivateKey()
                    .toASN1Primitive()
                    .getEncoded(),
            ec.keys().getPrivate().getEncoded(),
            PrivateKeyInfo.getInstance(ec.keys().getPrivate().getEncoded())
                    .parsePrivateKey()
                    .toASN1Primitive()
                    .getEncoded(),
            rsa.privateKeyEncryptedDer(),
            // cut short: still a key
            ascii(rsa.privateKeyPkcs8Pem().substring(0, 200))
        }) {
            assertRefused(upload, Reason.PRIVATE_KEY);
        }
    }

    @Test
    void aCertificateBesideItsKeyIsRefusedWhole() {
        var key = ENCRYPTION.privateKeyPkcs8Pem();

        for (var upload : new String[] {
            ENCRYPTION.pem() + key,
            key + ENCRYPTION.pem(),
            ENCRYPTION.pem() + ENCRYPTION.privateKeyEncryptedPem(),
            ENCRYPTION.pem() + ENCRYPTION.privateKeyTraditionalPem(),
            // found by the fuzzing: a key whose first line is cut short still sends the key
            ENCRYPTION.pem() + key.replaceFirst("PRIVATE KEY-----", "PRIVATE K"),
            // a key under a certificate's armour is still a key
            ENCRYPTION.pem() + key.replace("PRIVATE KEY", "CERTIFICATE")
        }) {
            assertRefused(ascii(upload), Reason.PRIVATE_KEY);
        }
    }

    @Test
    void aKeyStoreIsRefusedAsHoldingAPrivateKey() {
        assertRefused(ENCRYPTION.pkcs12(), Reason.PRIVATE_KEY);
        assertRefused(ENCRYPTION.javaKeyStore(), Reason.PRIVATE_KEY);
    }

    @Test
    void aRequestOrAPublicKeyIsNotACertificate() throws Exception {
        var request = ENCRYPTION.requestPem();
        var requestDer = new org.bouncycastle.util.io.pem.PemReader(new java.io.StringReader(request))
                .readPemObject()
                .getContent();

        for (var upload : new byte[][] {
            ascii(request),
            requestDer,
            ascii(ENCRYPTION.publicKeyPem()),
            ENCRYPTION.keys().getPublic().getEncoded()
        }) {
            assertRefused(upload, Reason.NOT_A_CERTIFICATE);
        }
    }

    @Test
    void garbageTextAndBrokenCertificatesAreNotCertificates() {
        var der = ENCRYPTION.der();
        var pem = ENCRYPTION.pem();
        var nonMinimalLength = new byte[der.length + 1];
        // the same certificate with its length on three bytes where two suffice: BER, not DER
        nonMinimalLength[0] = 0x30;
        nonMinimalLength[1] = (byte) 0x83;
        nonMinimalLength[2] = 0;
        System.arraycopy(der, 2, nonMinimalLength, 3, der.length - 2);

        for (var upload : new byte[][] {
            "Bonjour, voici notre certificat.".getBytes(StandardCharsets.UTF_8),
            new byte[] {0x30},
            new byte[CertificateFile.MAX_SIZE],
            Arrays.copyOf(der, der.length - 1),
            Arrays.copyOf(der, der.length / 2),
            Arrays.copyOf(der, der.length + 1),
            nonMinimalLength,
            ascii(pem.substring(0, pem.length() / 2)),
            ascii(pem.replace("-----END CERTIFICATE-----", "")),
            ascii("-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n"),
            ascii(pem.replace(pem.substring(100, 104), "!!!!")),
            deeplyNested(15_000),
            deeplyNestedDefinite(12_000)
        }) {
            assertRefused(upload, Reason.NOT_A_CERTIFICATE);
        }
    }

    @Test
    void anEmptyFileIsEmpty() {
        assertRefused(new byte[0], Reason.EMPTY);
    }

    @Test
    void theSizeIsCheckedBeforeAnythingIsRead() {
        var justTooLarge = Arrays.copyOf(ascii(ENCRYPTION.pem()), CertificateFile.MAX_SIZE + 1);
        var huge = Arrays.copyOf(ascii(ENCRYPTION.pem()), 10 * 1024 * 1024);
        Arrays.fill(justTooLarge, ENCRYPTION.pem().length(), justTooLarge.length, (byte) ' ');
        Arrays.fill(huge, ENCRYPTION.pem().length(), huge.length, (byte) ' ');
        var justRight = Arrays.copyOf(justTooLarge, CertificateFile.MAX_SIZE);

        assertThat(CertificateFile.read(justRight, Instant.now()).der()).isEqualTo(ENCRYPTION.der());
        assertRefused(justTooLarge, Reason.TOO_LARGE);
        assertRefused(huge, Reason.TOO_LARGE);
    }

    @Test
    void controlAndInvisibleCharactersAreLeftOutOfTheNames() {
        // U+202E turns "gpj.exe" into "exe.jpg" on screen; BEL and NEL are control characters
        var issued = CERTIFICATES.issue("CN=Mairie\u202Egpj.exe\u0007\u0085\u2028 de Test", RSA_2048, NO_KEY_USAGE);

        assertThat(CertificateFile.read(issued.der(), Instant.now()).subject()).isEqualTo("CN=Mairiegpj.exe de Test");
    }

    @Test
    void whatIsReadCannotBeChangedFromOutside() {
        var read = CertificateFile.read(ENCRYPTION.der(), Instant.now());

        read.der()[0] = 0;

        assertThat(read.der()).isEqualTo(ENCRYPTION.der());
        assertThat(read.pem())
                .isEqualTo(CertificateFile.read(ENCRYPTION.der(), Instant.now()).pem());
    }

    @Test
    void everyRefusalIsWordedInFrenchAndInEnglish() throws IOException {
        for (var file : new String[] {"/messages.properties", "/messages_en.properties"}) {
            var messages = new Properties();
            try (var in = new InputStreamReader(getClass().getResourceAsStream(file), StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            for (var reason : Reason.values()) {
                var key = new CertificateUploadRefusal(reason).messageKey();
                assertThat(messages.getProperty(key)).as(file + " " + key).isNotBlank();
            }
            assertThat(messages.getProperty("certificates.refused.expired"))
                    .as(file)
                    .contains("{0}");
            assertThat(messages.getProperty("certificates.refused.too-large"))
                    .as(file)
                    .contains("64");
        }
        assertThat(new CertificateUploadRefusal(Reason.NOT_FOR_ENCRYPTION).messageKey())
                .isEqualTo("certificates.refused.not-for-encryption");
    }

    /** SEQUENCEs inside SEQUENCEs, {@code depth} deep: what would overflow a recursive parser's stack. */
    static byte[] deeplyNested(int depth) {
        var out = new byte[depth * 2 + 2 + depth * 2];
        var at = 0;
        for (var i = 0; i < depth; i++) {
            out[at++] = 0x30;
            out[at++] = (byte) 0x80;
        }
        out[at++] = 0x05;
        out[at++] = 0x00;
        // end-of-contents octets close each level
        return out;
    }

    /** The same with each length written out, as DER does. */
    static byte[] deeplyNestedDefinite(int depth) {
        var inner = new byte[] {0x05, 0x00};
        for (var i = 0; i < depth; i++) {
            var n = inner.length;
            var header = n < 0x80
                    ? new byte[] {0x30, (byte) n}
                    : n < 0x100
                            ? new byte[] {0x30, (byte) 0x81, (byte) n}
                            : new byte[] {0x30, (byte) 0x82, (byte) (n >> 8), (byte) n};
            var outer = Arrays.copyOf(header, header.length + n);
            System.arraycopy(inner, 0, outer, header.length, n);
            inner = outer;
        }
        return inner;
    }

    private static void assertRefused(byte[] upload, Reason reason) {
        var start = new String(upload, 0, Math.min(upload.length, 40), StandardCharsets.ISO_8859_1);
        var thrown = catchThrowable(() -> CertificateFile.read(upload, Instant.now()));

        assertThat(thrown)
                .as("%d bytes: %s…", upload.length, start)
                .isInstanceOfSatisfying(
                        CertificateUploadRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }
}
