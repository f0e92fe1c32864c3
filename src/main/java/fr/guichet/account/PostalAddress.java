package fr.guichet.account;

/** Where a person can be written to (seed 004's user form). */
public record PostalAddress(String address, String complement, String postalCode, String city) {
}
