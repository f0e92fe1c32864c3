package fr.guichet.federation;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a provider said of the person who signed in through it. The subject is the provider's stable
 * name for him (OIDC {@code sub}, SAML eduPersonPrincipalName or NameID, CAS user); the rest may
 * be missing. {@code emailVerified} is the provider's own word that the address is his.
 *
 * @param uai the establishment's UAI code (supannEtablissement), when the provider gives it
 */
public record AssertedIdentity(
        String subject,
        @Nullable String email,
        boolean emailVerified,
        @Nullable String givenName,
        @Nullable String familyName,
        @Nullable String uai,
        List<String> affiliations)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public AssertedIdentity {
        affiliations = List.copyOf(affiliations);
    }

    @Nullable
    String emailDomain() {
        if (email == null) {
            return null;
        }
        var at = email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
