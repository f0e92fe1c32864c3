package fr.guichet.account;

/** How a person proved who he is: the audit trail and his account page say it. */
public enum SignInMethod {
    PASSWORD,
    OIDC,
    SAML,
    CAS,
    CERTIFICATE
}
