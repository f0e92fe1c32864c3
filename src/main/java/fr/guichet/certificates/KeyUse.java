package fr.guichet.certificates;

/** The uses a certificate's KeyUsage extension allows its key, in the extension's order (RFC 5280). */
enum KeyUse {
    DIGITAL_SIGNATURE,
    NON_REPUDIATION,
    KEY_ENCIPHERMENT,
    DATA_ENCIPHERMENT,
    KEY_AGREEMENT,
    KEY_CERT_SIGN,
    CRL_SIGN
}
