package fr.guichet.account;

/** A person an administrator creates (seed 004): he chooses his password from an invitation. */
public record NewPerson(String email, Civility civility, String lastName, String firstName, String jobTitle,
        String landline, String fax, String mobile, PostalAddress address) {
}
