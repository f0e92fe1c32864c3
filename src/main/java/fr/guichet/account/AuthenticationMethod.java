package fr.guichet.account;

/**
 * How a person proves who he is when he signs in, as an admin set it (seed 004's "Type
 * d'authentification"): his password, or the one client certificate registered for him.
 */
public enum AuthenticationMethod {
    PASSWORD,
    CERTIFICATE
}
