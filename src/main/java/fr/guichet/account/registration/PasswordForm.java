package fr.guichet.account.registration;

import fr.guichet.shared.Verbatim;

/** A new password typed twice, with the link that allows choosing it. */
record PasswordForm(
        String jeton, @Verbatim String password, @Verbatim String confirmation) {}
