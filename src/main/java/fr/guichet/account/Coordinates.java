package fr.guichet.account;

/** What a person says of himself; an external requester gives only civility and names. */
public record Coordinates(
        Civility civility,
        String lastName,
        String firstName,
        String landline,
        String mobile,
        String fax,
        String jobTitle,
        String professionalDomain,
        String placeOfAttachment) {

    public static Coordinates external(Civility civility, String lastName, String firstName) {
        return new Coordinates(civility, lastName, firstName, null, null, null, null, null, null);
    }
}
