package fr.guichet.account.registration;

import fr.guichet.account.Civility;
import fr.guichet.account.Coordinates;
import fr.guichet.account.InterestDomain;
import fr.guichet.shared.PersonName;
import fr.guichet.shared.Phone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/** Step 3 of registration; kept in the session so that "back" and "next" lose nothing. */
public record DetailsForm(
        @NotNull(message = "{validation.required}") Civility civility,

        @NotBlank(message = "{validation.required}") @PersonName
        String lastName,

        @NotBlank(message = "{validation.required}") @PersonName
        String firstName,

        @NotBlank(message = "{validation.required}", groups = MemberOnly.class) @Phone
        String landline,

        @Phone String mobile,

        @NotNull(message = "{validation.required}", groups = MemberOnly.class)
        InterestDomain professionalDomain,

        @NotBlank(message = "{validation.required}", groups = MemberOnly.class)
        @Size(max = 150, message = "{validation.too-long}")
        String jobTitle,

        @NotBlank(message = "{validation.required}", groups = MemberOnly.class)
        @Size(max = 150, message = "{validation.too-long}")
        String placeOfAttachment,

        Set<InterestDomain> interestDomains,
        Boolean newsletter,
        Boolean consent)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static DetailsForm empty() {
        return new DetailsForm(null, null, null, null, null, null, null, null, null, false, false);
    }

    Set<InterestDomain> chosenDomains() {
        return interestDomains == null || interestDomains.isEmpty()
                ? EnumSet.noneOf(InterestDomain.class)
                : EnumSet.copyOf(interestDomains);
    }

    Coordinates coordinates(boolean external) {
        if (external) {
            return Coordinates.external(civility, lastName.strip(), firstName.strip());
        }
        return new Coordinates(
                civility,
                lastName.strip(),
                firstName.strip(),
                blankToNull(landline),
                blankToNull(mobile),
                null,
                blankToNull(jobTitle),
                professionalDomain == null ? null : professionalDomain.name(),
                blankToNull(placeOfAttachment));
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
