package fr.guichet.account;

/** A new password typed twice, with the link that allows choosing it. */
record PasswordForm(String jeton, String password, String confirmation) {
}
