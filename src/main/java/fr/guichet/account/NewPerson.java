package fr.guichet.account;

/** A person an administrator creates: he chooses his password himself, from the link he is sent. */
public record NewPerson(
        String email,
        Civility civility,
        String lastName,
        String firstName,
        String jobTitle,
        String landline,
        String fax,
        String mobile,
        PostalAddress address) {}
