package fr.guichet.certificates;

import static fr.guichet.certificates.CertificateUploadRefusal.Reason.EMPTY;
import static fr.guichet.certificates.CertificateUploadRefusal.Reason.EXPIRED;
import static fr.guichet.certificates.CertificateUploadRefusal.Reason.NOT_A_CERTIFICATE;
import static fr.guichet.certificates.CertificateUploadRefusal.Reason.NOT_FOR_ENCRYPTION;
import static fr.guichet.certificates.CertificateUploadRefusal.Reason.PRIVATE_KEY;
import static fr.guichet.certificates.CertificateUploadRefusal.Reason.TOO_LARGE;
import static fr.guichet.certificates.CertificateUploadRefusal.Reason.WEAK_KEY;

import fr.guichet.certificates.CertificateUploadRefusal.Reason;
import fr.guichet.shared.CleanText;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads the encryption certificate an organisation uploads, for a procurement platform to encrypt
 * bids to: one X.509 certificate, PEM (the first of a chain) or DER, with a key that can encrypt.
 * Anything else is a {@link CertificateUploadRefusal}, never another exception: the file comes from
 * anyone who can sign in, and is read whole in memory, so its size is checked before any parsing.
 */
final class CertificateFile {

    /** Far above a certificate with its chain (a few kilobytes each), far below what would cost memory. */
    static final int MAX_SIZE = 64 * 1024;

    /** ANSSI's floor for RSA (RGS, annex B1). */
    private static final int MIN_RSA_BITS = 2048;

    /** The day a certificate expired, as the agency reads it, whatever the server's zone. */
    private static final ZoneId AGENCY_ZONE = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    // in every key's PEM armour, whatever the tool (RSA, EC, ENCRYPTED, OPENSSH…): a key whose begin or
    // end line is damaged, or missing, still sends the key
    private static final String PRIVATE_KEY_WORDS = "PRIVATE KEY";

    private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,64})-----");

    private static final Set<String> CERTIFICATE_LABELS = Set.of("CERTIFICATE", "X509 CERTIFICATE");

    private static final Set<KeyUse> ENCRYPTION =
            EnumSet.of(KeyUse.KEY_ENCIPHERMENT, KeyUse.DATA_ENCIPHERMENT, KeyUse.KEY_AGREEMENT);

    private CertificateFile() {}

    /**
     * The certificate of an upload. A file that holds a private key is refused whole, even beside a
     * certificate: the key is the organisation's secret, and must neither travel nor be kept.
     *
     * @param now the moment of the upload, against which the certificate must still be valid
     * @throws CertificateUploadRefusal whatever is wrong with the file, the first thing found
     */
    static ParsedCertificate read(byte[] upload, Instant now) {
        Objects.requireNonNull(now, "now");
        if (upload == null || upload.length == 0) {
            throw refused(EMPTY);
        }
        if (upload.length > MAX_SIZE) {
            throw refused(TOO_LARGE);
        }
        try {
            return accepted(certificateOf(upload), now);
        } catch (CertificateUploadRefusal refusal) {
            throw refusal;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // BouncyCastle says IOException, the JDK CertificateException, and a runtime exception is
            // one version away; to the person, and with nothing of the file in it: not a certificate
            throw refused(NOT_A_CERTIFICATE);
        }
    }

    /** The one certificate of the upload, once sure there is no key in it. */
    private static X509CertificateHolder certificateOf(byte[] upload) throws IOException {
        var latin1 = new String(upload, StandardCharsets.ISO_8859_1);
        var text = text(upload);
        var blocks = pemBlocks(text);
        if (latin1.contains(PRIVATE_KEY_WORDS)
                || text.contains(PRIVATE_KEY_WORDS)
                || text.contains("PuTTY-User-Key-File-")
                || isJavaKeyStore(upload)
                || holdsAKey(upload)
                || blocks.stream().anyMatch(block -> block.body() != null && holdsAKey(block.body()))) {
            throw refused(PRIVATE_KEY);
        }
        var first = blocks.stream()
                .filter(block -> CERTIFICATE_LABELS.contains(block.label()))
                .findFirst();
        return first.isPresent() ? fromPem(first.get()) : fromDer(upload);
    }

    private static X509CertificateHolder fromPem(PemBlock block) throws IOException {
        try (var parser = new PEMParser(new StringReader(block.armoured()))) {
            // the same bytes as decoded here: no lenient decoding, nothing after the certificate
            if (parser.readObject() instanceof X509CertificateHolder holder
                    && Arrays.equals(holder.getEncoded(), block.body())) {
                return holder;
            }
        }
        throw refused(NOT_A_CERTIFICATE);
    }

    private static X509CertificateHolder fromDer(byte[] der) throws IOException {
        var holder = new X509CertificateHolder(der);
        // DER as RFC 5280 wants it, so that the fingerprint shown is the one every tool computes
        if (!Arrays.equals(holder.getEncoded(), der)) {
            throw refused(NOT_A_CERTIFICATE);
        }
        return holder;
    }

    private static ParsedCertificate accepted(X509CertificateHolder holder, Instant now)
            throws IOException, GeneralSecurityException {
        // the JDK's parser must read it too: the platforms that encrypt with it are as strict
        var certificate = new JcaX509CertificateConverter().getCertificate(holder);
        var notAfter = certificate.getNotAfter().toInstant();
        if (notAfter.isBefore(now)) {
            throw new CertificateUploadRefusal(EXPIRED, DAY.format(notAfter.atZone(AGENCY_ZONE)));
        }
        var key = keyOf(holder.getSubjectPublicKeyInfo());
        var usage = certificate.getKeyUsage();
        var uses = EnumSet.noneOf(KeyUse.class);
        for (var use : KeyUse.values()) {
            if (usage != null && use.ordinal() < usage.length && usage[use.ordinal()]) {
                uses.add(use);
            }
        }
        // no KeyUsage at all puts no limit on the key (RFC 5280, 4.2.1.3)
        if (usage != null && uses.stream().noneMatch(ENCRYPTION::contains)) {
            throw refused(NOT_FOR_ENCRYPTION);
        }
        var der = holder.getEncoded();
        return new ParsedCertificate(
                name(certificate.getSubjectX500Principal()),
                name(certificate.getIssuerX500Principal()),
                holder.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                certificate.getNotBefore().toInstant(),
                notAfter,
                key,
                uses,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)),
                der);
    }

    static final int MIN_EC_BITS = 256;

    /** "RSA 2048", "EC P-256": a key that can encrypt, or a refusal. */
    private static String keyOf(SubjectPublicKeyInfo key) throws IOException {
        var algorithm = key.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            var modulus = RSAPublicKey.getInstance(key.parsePublicKey()).getModulus();
            if (modulus.signum() <= 0) {
                throw refused(NOT_A_CERTIFICATE);
            }
            if (modulus.bitLength() < MIN_RSA_BITS) {
                throw refused(WEAK_KEY);
            }
            return "RSA " + modulus.bitLength();
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)
                && key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
            var name = NISTNamedCurves.getName(curve);
            if (name == null) {
                name = ECNamedCurveTable.getName(curve);
            }
            if (name != null) {
                var parameters = ECNamedCurveTable.getByOID(curve);
                // ANSSI's floor for elliptic curves, as 2048 bits is for RSA
                if (parameters != null && parameters.getCurve().getFieldSize() < MIN_EC_BITS) {
                    throw refused(WEAK_KEY);
                }
                return "EC " + name;
            }
        }
        // DSA and Ed25519 only sign, RSASSA-PSS keys are bound to signing, and an EC key on explicit
        // parameters or on a curve nobody names cannot be trusted to encrypt
        throw refused(NOT_FOR_ENCRYPTION);
    }

    private static String name(X500Principal principal) {
        var name = CleanText.line(principal.getName(X500Principal.RFC2253));
        // line and paragraph separators are not control characters, and break a line all the same
        return name == null ? "" : name.replace("\u2028", "").replace("\u2029", "");
    }

    /** A PEM block: its label, its text from BEGIN to END, and its body decoded (null when not Base64). */
    private record PemBlock(String label, String armoured, byte @Nullable [] body) {}

    private static List<PemBlock> pemBlocks(String text) {
        var blocks = new ArrayList<PemBlock>();
        var begin = PEM_BEGIN.matcher(text);
        while (begin.find()) {
            var label = begin.group(1);
            var endLine = "-----END " + label + "-----";
            var end = text.indexOf(endLine, begin.end());
            if (end < 0) {
                // no end: what follows is inside this block, and the block is damaged
                break;
            }
            blocks.add(new PemBlock(
                    label,
                    text.substring(begin.start(), end + endLine.length()),
                    decoded(text.substring(begin.end(), end))));
            begin.region(end + endLine.length(), text.length());
        }
        return blocks;
    }

    private static byte @Nullable [] decoded(String body) {
        var base64 = new StringBuilder(body.length());
        for (var line : body.split("\r\n|\r|\n")) {
            // headers (Proc-Type, DEK-Info…) name how the body is encoded, and are not the body
            if (line.indexOf(':') < 0) {
                base64.append(line.strip());
            }
        }
        try {
            return Base64.getMimeDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The upload as text, for its PEM blocks: one character a byte (a DER file stays its own length),
     * or UTF-16 when it opens with the mark Windows' Notepad writes ("Unicode").
     */
    private static String text(byte[] upload) {
        if (upload.length >= 2 && (upload[0] & 0xFF) == 0xFF && (upload[1] & 0xFF) == 0xFE) {
            return new String(upload, 2, upload.length - 2, StandardCharsets.UTF_16LE);
        }
        if (upload.length >= 2 && (upload[0] & 0xFF) == 0xFE && (upload[1] & 0xFF) == 0xFF) {
            return new String(upload, 2, upload.length - 2, StandardCharsets.UTF_16BE);
        }
        return new String(upload, StandardCharsets.ISO_8859_1);
    }

    /** A Java key store (JKS, JCEKS): made to hold private keys, and unreadable without its password. */
    private static boolean isJavaKeyStore(byte[] upload) {
        if (upload.length < 4) {
            return false;
        }
        var magic = ((upload[0] & 0xFF) << 24)
                | ((upload[1] & 0xFF) << 16)
                | ((upload[2] & 0xFF) << 8)
                | (upload[3] & 0xFF);
        return magic == 0xFEEDFEED || magic == 0xCECECECE;
    }

    /** Whether any of the DER structures one after the other in {@code der} is a private key. */
    private static boolean holdsAKey(byte[] der) {
        try (var in = new ASN1InputStream(der)) {
            ASN1Primitive next;
            while ((next = in.readObject()) != null) {
                if (next instanceof ASN1Sequence sequence && isPrivateKey(sequence)) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // what could be read was looked at; the rest is no DER
        }
        return false;
    }

    /**
     * The shapes of private keys: PKCS#8 and RFC 5958 (a version, an algorithm, the key), encrypted
     * PKCS#8 (an algorithm, the ciphertext), PKCS#1 RSA and OpenSSL's DSA (a version, then numbers),
     * RFC 5915 EC (version 1, the key), PKCS#12 (version 3, a content). A certificate opens with its
     * body, a request or a public key with a sequence or a big number: none of these.
     */
    private static boolean isPrivateKey(ASN1Sequence sequence) {
        if (sequence.size() < 2) {
            return false;
        }
        var first = sequence.getObjectAt(0);
        var second = sequence.getObjectAt(1);
        if (sequence.size() == 2 && opensWithAnIdentifier(first) && second instanceof ASN1OctetString) {
            return true;
        }
        if (!(first instanceof ASN1Integer integer)
                || integer.getValue().signum() < 0
                || integer.getValue().bitLength() > 2) {
            return false;
        }
        var version = integer.getValue().intValue();
        if (version <= 1 && sequence.size() >= 6 && allIntegers(sequence, 6)) {
            return true;
        }
        if (version == 1 && second instanceof ASN1OctetString) {
            return true;
        }
        if (version <= 1
                && sequence.size() >= 3
                && opensWithAnIdentifier(second)
                && sequence.getObjectAt(2) instanceof ASN1OctetString) {
            return true;
        }
        return version == 3 && opensWithAnIdentifier(second);
    }

    private static boolean opensWithAnIdentifier(Object element) {
        return element instanceof ASN1Sequence sequence
                && sequence.size() > 0
                && sequence.getObjectAt(0) instanceof ASN1ObjectIdentifier;
    }

    private static boolean allIntegers(ASN1Sequence sequence, int count) {
        for (var i = 0; i < count; i++) {
            if (!(sequence.getObjectAt(i) instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }

    private static CertificateUploadRefusal refused(Reason reason) {
        return new CertificateUploadRefusal(reason);
    }
}
