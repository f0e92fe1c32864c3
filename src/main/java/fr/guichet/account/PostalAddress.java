package fr.guichet.account;

/** Where a person can be written to, as the administrator's user form asks it. */
public record PostalAddress(String address, String complement, String postalCode, String city) {}
