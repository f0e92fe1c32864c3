package fr.guichet.federation;

/** The language an identity provider speaks. */
public enum Protocol {
    OIDC,
    SAML,
    CAS
}
