package fr.guichet.account;

import java.util.Locale;

/** Where and in which language a person is written to: an active account's sign-in address and chosen language. */
public record Recipient(AccountId id, String email, Locale locale) {}
