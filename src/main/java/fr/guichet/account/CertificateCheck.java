package fr.guichet.account;

/** What an account says of a certificate presented to sign in with it ({@link Account#check}). */
public enum CertificateCheck {
    ACCEPTED,
    /** Not the account's certificate, or the account signs in by password. */
    NOT_REGISTERED,
    /** Disabled (its last membership ended) or never opened. */
    ACCOUNT_INACTIVE,
    NOT_YET_VALID,
    EXPIRED
}
